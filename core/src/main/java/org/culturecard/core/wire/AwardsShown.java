package org.culturecard.core.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;

/**
 * Kiosk to central on {@code up/awards-shown} (ADR 0037): the awards this kiosk has shown, so central sets their
 * {@code shown_at} once and stops sending them. Acked by a {@link BatchAck} for {@code batchId}. Tokens only.
 */
public record AwardsShown(String schema, UUID batchId, KioskId kioskId, VenueId venueId, Instant sentAt,
        List<Shown> shown) {
    public static final int MAX_SHOWN = 100;

    /** One award shown to the card of {@code token} at {@code shownAt}. */
    public record Shown(Token token, String achievementId, Instant shownAt) {
        public Shown {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(achievementId, "achievementId");
            Objects.requireNonNull(shownAt, "shownAt");
        }
    }

    public AwardsShown {
        Schemas.require(Schemas.AWARDS_SHOWN, schema);
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(sentAt, "sentAt");
        shown = shown == null ? List.of() : List.copyOf(shown);
        if (shown.isEmpty() || shown.size() > MAX_SHOWN) {
            throw new IllegalArgumentException("shown: 1 to " + MAX_SHOWN + " records");
        }
    }

    public static AwardsShown of(UUID batchId, KioskId kioskId, VenueId venueId, Instant sentAt, List<Shown> shown) {
        return new AwardsShown(Schemas.AWARDS_SHOWN, batchId, kioskId, venueId, sentAt, shown);
    }
}
