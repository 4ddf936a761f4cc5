package org.culturecard.kiosk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;

/**
 * A check-in before the store has given it its place in the kiosk's gap-free sequence. The store
 * assigns {@code seq} inside the transaction that writes it, so a failed write leaves no gap.
 */
public record PendingCheckIn(
        UUID id,
        Token token,
        UUID eventId,
        VenueId venueId,
        KioskId kioskId,
        Instant tappedAt,
        LocalDate visitDay,
        boolean clockSynced,
        CardKind cardKind,
        String appVersion) {

    public PendingCheckIn {
        Objects.requireNonNull(visitDay, "visitDay");
    }

    /** The check-in with its sequence number; validated by {@link CheckIn}'s constructor. */
    public CheckIn withSeq(long seq) {
        return new CheckIn(id, seq, token, eventId, venueId, kioskId, tappedAt, clockSynced, cardKind, appVersion);
    }
}
