package org.culturecard.central.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;

/**
 * Decides whether an MQTT message on a check-in topic may be stored: the topic is ours, the
 * payload is within size, decodes as the current batch schema, names the same kiosk and venue as
 * the topic (which the broker's ACL ties to the sender's certificate), every record belongs to
 * that kiosk, and tap times are plausible. Pure, apart from the injected clock and registry lookup.
 */
public final class BatchValidator {

    /** Taps before this instant cannot come from this scheme. */
    public static final Instant EARLIEST_TAP = Instant.parse("2020-01-01T00:00:00Z");
    /** How far ahead of central's clock a tap time may be (kiosk clocks drift). */
    public static final Duration MAX_FUTURE = Duration.ofDays(1);
    private static final Pattern APP_VERSION = Pattern.compile("[\\x21-\\x7e]{1,64}");

    private final WireCodec codec;
    private final Clock clock;
    private final KioskRegistry registry;

    /** Looks up the venue a kiosk is registered under. */
    @FunctionalInterface
    public interface KioskRegistry {
        Optional<VenueId> registeredVenue(KioskId kiosk);
    }

    public BatchValidator(WireCodec codec, Clock clock, KioskRegistry registry) {
        this.codec = codec;
        this.clock = clock;
        this.registry = registry;
    }

    /** Validates a message as received on {@code topic}. */
    public Verdict validate(String topic, byte[] payload) {
        Optional<Topics.KioskTopic> parsed = Topics.parseKioskTopic(topic);
        if (parsed.isEmpty() || !"up/checkins".equals(parsed.get().leaf())) {
            return new Verdict.Refused("not a check-in topic");
        }
        if (payload == null || payload.length == 0) {
            return new Verdict.Refused("empty payload");
        }
        if (payload.length > CheckInBatch.MAX_BYTES) {
            return new Verdict.Refused("payload of " + payload.length + " bytes exceeds " + CheckInBatch.MAX_BYTES);
        }
        CheckInBatch batch;
        try {
            batch = codec.decode(payload, CheckInBatch.class);
        } catch (WireFormatException e) {
            return new Verdict.Refused(e.getMessage());
        } catch (RuntimeException e) {
            return new Verdict.Refused("undecodable: " + e.getClass().getSimpleName());
        }
        if (batch == null) {
            return new Verdict.Refused("payload is JSON null");
        }
        Optional<String> problem = checkBatch(parsed.get(), batch);
        return problem.<Verdict>map(Verdict.Refused::new).orElseGet(() -> new Verdict.Accepted(parsed.get(), batch));
    }

    private Optional<String> checkBatch(Topics.KioskTopic topic, CheckInBatch batch) {
        if (!batch.kioskId().equals(topic.kiosk())) {
            return Optional.of("payload kiosk " + batch.kioskId() + " differs from topic kiosk " + topic.kiosk());
        }
        if (!batch.venueId().equals(topic.venue())) {
            return Optional.of("payload venue " + batch.venueId() + " differs from topic venue " + topic.venue());
        }
        Instant now = clock.instant();
        Set<UUID> seen = new HashSet<>();
        for (CheckIn record : batch.records()) {
            Optional<String> problem = checkRecord(batch, record, now);
            if (problem.isPresent()) {
                return problem;
            }
            if (!seen.add(record.id())) {
                return Optional.of("record " + record.id() + " appears twice in the batch");
            }
        }
        Optional<VenueId> registered = registry.registeredVenue(batch.kioskId());
        if (registered.isPresent() && !registered.get().equals(batch.venueId())) {
            return Optional.of("kiosk " + batch.kioskId() + " is registered at venue " + registered.get()
                    + ", not " + batch.venueId());
        }
        return Optional.empty();
    }

    private static Optional<String> checkRecord(CheckInBatch batch, CheckIn record, Instant now) {
        if (!record.kioskId().equals(batch.kioskId()) || !record.venueId().equals(batch.venueId())) {
            return Optional.of("record " + record.id() + " names kiosk " + record.kioskId() + " at venue "
                    + record.venueId() + ", not the envelope's " + batch.kioskId() + " at " + batch.venueId());
        }
        if (record.tappedAt().isBefore(EARLIEST_TAP)) {
            return Optional.of("record " + record.id() + " tapped at " + record.tappedAt() + ", before " + EARLIEST_TAP);
        }
        if (record.tappedAt().isAfter(now.plus(MAX_FUTURE))) {
            return Optional.of("record " + record.id() + " tapped at " + record.tappedAt() + ", more than "
                    + MAX_FUTURE.toHours() + " h ahead of " + now);
        }
        if (!APP_VERSION.matcher(record.appVersion()).matches()) {
            return Optional.of("record " + record.id() + " has an invalid appVersion");
        }
        return Optional.empty();
    }
}
