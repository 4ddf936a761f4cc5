package org.culturecard.core.checkin;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;

/**
 * One young person's check-in, as recorded by a kiosk. {@code eventId} is null for a general
 * venue visit (no event running). {@code seq} is gap-free per kiosk.
 */
public record CheckIn(
        UUID id,
        long seq,
        Token token,
        UUID eventId,
        VenueId venueId,
        KioskId kioskId,
        Instant tappedAt,
        boolean clockSynced,
        CardKind cardKind,
        String appVersion) {

    public CheckIn {
        Objects.requireNonNull(id, "id");
        if (!UuidV7.isV7(id)) {
            throw new IllegalArgumentException("a check-in id is a UUIDv7");
        }
        if (seq < 1) {
            throw new IllegalArgumentException("seq starts at 1");
        }
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(tappedAt, "tappedAt");
        Objects.requireNonNull(cardKind, "cardKind");
        Objects.requireNonNull(appVersion, "appVersion");
    }

    @JsonIgnore
    public boolean isGeneralVisit() {
        return eventId == null;
    }
}
