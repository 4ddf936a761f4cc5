package org.culturecard.kiosk.staff;

import java.util.List;
import java.util.UUID;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kioskdb.StoredEvent;

/**
 * What the staff screens need from the rest of the kiosk. Every method may touch the disk (or run
 * PBKDF2), so the view model calls them only through its background executor.
 */
public interface StaffPort {
    /** A PIN typed alone, from the staff button. */
    PinOutcome checkPin(String pin);

    /** A PIN typed after the card of staff member {@code staffId} was tapped. */
    PinOutcome checkPinAfterCard(UUID staffId, String pin);

    /** Today's events (local day), closed ones included, with their check-in counts. */
    List<StoredEvent> eventsToday();

    /** Checks and saves an event draft (origin kiosk, unpublished); the saved event or what is wrong. */
    EventDraft.Check save(EventDraft draft);

    boolean makeActive(UUID eventId);

    boolean closeEvent(UUID eventId);

    StatusFacts statusFacts();

    DisplaySettings settings();

    void saveSettings(DisplaySettings settings);
}
