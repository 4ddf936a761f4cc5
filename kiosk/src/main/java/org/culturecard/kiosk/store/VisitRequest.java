package org.culturecard.kiosk.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;

/**
 * A tap to record as a visit, before the store has decided what it is: the store picks the running
 * event (if any) and the check-in's place in the sequence in the transaction that writes it.
 *
 * @param id       the check-in's id, should it be recorded
 * @param visitDay the local day of the tap, for one general visit a day and the visit count
 */
public record VisitRequest(
        UUID id,
        Token token,
        VenueId venueId,
        KioskId kioskId,
        Instant tappedAt,
        LocalDate visitDay,
        boolean clockSynced,
        CardKind cardKind,
        String appVersion) {

    public VisitRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(tappedAt, "tappedAt");
        Objects.requireNonNull(visitDay, "visitDay");
    }

    /** The check-in to write: to {@code eventId}, or a general visit when it is null. */
    PendingCheckIn toEvent(UUID eventId) {
        return new PendingCheckIn(id, token, eventId, venueId, kioskId, tappedAt, visitDay, clockSynced, cardKind,
                appVersion);
    }
}
