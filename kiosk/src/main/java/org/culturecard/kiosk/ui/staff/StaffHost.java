package org.culturecard.kiosk.ui.staff;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.ui.screen.Messages;
import org.culturecard.kiosk.ui.screen.Screen;

/**
 * What staff mode needs from the kiosk's screens (the kiosk view model): the screen shown, the
 * words and display settings, the idle timer, and what the attract status knows. Staff mode knows
 * the screens through this only, so the two view models do not depend on each other. UI thread.
 */
public interface StaffHost {

    Messages messages();

    ReadOnlyObjectProperty<Screen> screenProperty();

    DisplaySettings settings();

    /** Shows a staff screen and (re)starts the staff idle timer. */
    void showStaffScreen(Screen next);

    /** Something happened on a staff screen: staff mode stays open another minute. */
    void staffActivity();

    void returnToAttract();

    /** Reads the attract status again in the background (an event changed). */
    void refreshStatus();

    /** Staff saved new display settings (already stored): apply them at once. */
    void applySettings(DisplaySettings settings);

    /** Where a corrupt store was moved at start, if it was: staff see an alert. */
    Optional<Path> corruptStoreMovedTo();

    /** When central last acknowledged a batch, if known. */
    Optional<Instant> lastSync();

    /** The readers that work now, by name. */
    List<String> readerNames();
}
