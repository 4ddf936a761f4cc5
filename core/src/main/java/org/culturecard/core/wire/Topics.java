package org.culturecard.core.wire;

import java.util.Optional;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/** Every MQTT topic name, in one place (DESIGN.md, "Wire format"). */
public final class Topics {
    public static final String ROOT = "culturecard/v1";
    /** The shared subscription that N central ingest workers split between them. */
    public static final String SHARED_CHECKINS = "$share/ingest/" + ROOT + "/+/+/up/checkins";
    /** The shared subscription for enrolments, as for check-ins. */
    public static final String SHARED_ENROLMENTS = "$share/ingest/" + ROOT + "/+/+/up/enrolments";
    /** The shared subscription for awards shown, as for check-ins (ADR 0037). */
    public static final String SHARED_AWARDS_SHOWN = "$share/ingest/" + ROOT + "/+/+/up/awards-shown";
    /** Every kiosk's status, for central's fleet view. */
    public static final String ALL_STATUS = ROOT + "/+/+/up/status";

    private Topics() {}

    public static String checkins(VenueId venue, KioskId kiosk) {
        return kiosk(venue, kiosk) + "/up/checkins";
    }

    /** Kiosk to central: the awards a kiosk has shown ({@link AwardsShown}), acked on {@link #acks}. */
    public static String awardsShown(VenueId venue, KioskId kiosk) {
        return kiosk(venue, kiosk) + "/up/awards-shown";
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

    /** Kiosk to central: enrolments of library cards ({@link EnrolmentBatch}), acked on {@link #acks}. */
    public static String enrolments(VenueId venue, KioskId kiosk) {
        return kiosk(venue, kiosk) + "/up/enrolments";
    }

    /**
     * Central to kiosks, retained: chunk {@code index} of the enrolled-card filter of {@code scope},
     * {@code culturecard/v1/{scope}/down/filter/enrolled/{index}}; for the scheme-wide filter that
     * central publishes, {@code culturecard/v1/_scheme/down/filter/enrolled/{index}}. One topic per
     * chunk ({@link FilterChunk}), so the broker keeps the whole filter retained while no packet
     * exceeds its limit (ADR 0007), and apart from the venue config, so an event edit never resends
     * it. A card enrolled anywhere is enrolled everywhere, so one scheme-wide copy serves every venue
     * (a copy per venue would multiply the broker's retained megabytes by the number of venues).
     *
     * <p>Central publishes chunks 0 to {@code chunkCount - 1} of a new generation, then clears the
     * retained chunks above them that an older, larger generation left (an empty retained publish).
     * A kiosk subscribes to {@link #filterChunks}, ignores empty payloads and keeps the newest
     * complete generation ({@link FilterChunkCollector}). Kiosks need an ACL line to read it
     * ({@code topic read culturecard/v1/_scheme/down/filter/enrolled/+}) and central one to write it.
     */
    public static String filterChunk(FilterScope scope, int index) {
        if (index < 0 || index >= FilterChunk.MAX_CHUNKS) {
            throw new IllegalArgumentException("a chunk index is 0 to " + (FilterChunk.MAX_CHUNKS - 1) + ", not " + index);
        }
        return filterRoot(scope) + index;
    }

    /** The topic of {@code chunk}: its scope's filter topic and its index. */
    public static String filterChunk(FilterChunk chunk) {
        return filterChunk(chunk.scope(), chunk.index());
    }

    /** The subscription to every chunk of {@code scope}'s enrolled-card filter. */
    public static String filterChunks(FilterScope scope) {
        return filterRoot(scope) + "+";
    }

    private static String filterRoot(FilterScope scope) {
        return ROOT + "/" + scope.value() + "/down/filter/enrolled/";
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
