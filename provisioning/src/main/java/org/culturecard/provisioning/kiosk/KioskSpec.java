package org.culturecard.provisioning.kiosk;

import java.util.Set;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/**
 * One kiosk to provision: its venue, its id (the certificate's CN and the broker user name) and the
 * venue's display name. Ids that the broker's ACL gives other rights to are refused.
 */
public record KioskSpec(VenueId venue, KioskId kiosk, String venueName) {
    /** Certificate names with their own ACL rules: a kiosk called "central" would read every kiosk's data. */
    public static final Set<String> RESERVED = Set.of("central", "broker", "admin");

    public KioskSpec {
        if (RESERVED.contains(kiosk.value())) {
            throw new IllegalArgumentException("kiosk id '" + kiosk + "' is reserved (" + RESERVED + ")");
        }
        if (venueName == null || venueName.isBlank()) {
            venueName = venue.value();
        }
        if (venueName.length() > 80 || venueName.contains("\n")) {
            throw new IllegalArgumentException("venue name must be one line of at most 80 characters");
        }
    }

    /** Parses ids with messages that say which field is wrong. */
    public static KioskSpec of(String venue, String kiosk, String venueName) {
        if (!VenueId.isValid(venue)) {
            throw new IllegalArgumentException("venue id '" + venue + "' must be 1-64 of a-z, 0-9 and '-', not starting or ending with '-'");
        }
        if (!KioskId.isValid(kiosk)) {
            throw new IllegalArgumentException("kiosk id '" + kiosk + "' must be 1-64 of a-z, 0-9 and '-', not starting or ending with '-'");
        }
        return new KioskSpec(VenueId.of(venue), KioskId.of(kiosk), venueName);
    }
}
