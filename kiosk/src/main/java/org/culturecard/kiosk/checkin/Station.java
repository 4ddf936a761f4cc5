package org.culturecard.kiosk.checkin;

import java.util.Objects;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/** Who records a check-in: the venue, the kiosk and the kiosk software's version. */
public record Station(VenueId venueId, KioskId kioskId, String appVersion) {
    public Station {
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(kioskId, "kioskId");
        if (appVersion == null || appVersion.isBlank()) {
            throw new IllegalArgumentException("appVersion is required");
        }
    }
}
