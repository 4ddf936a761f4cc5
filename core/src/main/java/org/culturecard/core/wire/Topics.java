package org.culturecard.core.wire;

import java.util.Optional;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/** Every MQTT topic name, in one place (DESIGN.md, "Wire format"). */
public final class Topics {
    public static final String ROOT = "culturecard/v1";
    /** The shared subscription that N central ingest workers split between them. */
    public static final String SHARED_CHECKINS = "$share/ingest/" + ROOT + "/+/+/up/checkins";
    /** Every kiosk's status, for central's fleet view. */
    public static final String ALL_STATUS = ROOT + "/+/+/up/status";

    private Topics() {}

    public static String checkins(VenueId venue, KioskId kiosk) {
        return kiosk(venue, kiosk) + "/up/checkins";
    }

    public static String events(VenueId venue, KioskId kiosk) {
        return kiosk(venue, kiosk) + "/up/events";
    }

    public static String status(VenueId venue, KioskId kiosk) {
        return kiosk(venue, kiosk) + "/up/status";
    }

    public static String acks(VenueId venue, KioskId kiosk) {
        return kiosk(venue, kiosk) + "/down/acks";
    }

    public static String config(VenueId venue) {
        return ROOT + "/" + venue + "/down/config";
    }

    private static String kiosk(VenueId venue, KioskId kiosk) {
        return ROOT + "/" + venue + "/" + kiosk;
    }

    /** The venue and kiosk named by a per-kiosk topic, or empty when the topic is not one of ours. */
    public static Optional<KioskTopic> parseKioskTopic(String topic) {
        String[] parts = topic == null ? new String[0] : topic.split("/", -1);
        if (parts.length != 6 || !"culturecard".equals(parts[0]) || !"v1".equals(parts[1])
                || !VenueId.isValid(parts[2]) || !KioskId.isValid(parts[3])
                || !("up".equals(parts[4]) || "down".equals(parts[4]))) {
            return Optional.empty();
        }
        return Optional.of(new KioskTopic(VenueId.of(parts[2]), KioskId.of(parts[3]), parts[4] + "/" + parts[5]));
    }

    /** A parsed per-kiosk topic; {@code leaf} is e.g. {@code up/checkins}. */
    public record KioskTopic(VenueId venue, KioskId kiosk, String leaf) {}
}
