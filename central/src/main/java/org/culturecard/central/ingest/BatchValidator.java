package org.culturecard.central.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.culturecard.central.store.Admission;
import org.culturecard.central.store.PlacedCheckIn;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.central.store.RecordRefusal;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;

/**
 * Decides what of an MQTT message on a check-in topic may be stored. The whole message is refused
 * when the topic is not ours, its kiosk is not registered at the topic's venue ({@link
 * VenueBinding}), or the payload is too large, does not decode as the current batch schema, or
 * names another kiosk or venue than the topic; such a message is never acknowledged to the kiosk,
 * which keeps it and sends it again. Otherwise each record is judged alone: one that contradicts
 * its envelope or repeats an id is refused and kept whole while the rest is stored, and every tap
 * time is placed by {@link TapTimes}, never refused. Pure, apart from the injected clock and the
 * registry look-up.
 */
public final class BatchValidator {

    private static final Pattern APP_VERSION = Pattern.compile("[\\x21-\\x7e]{1,64}");

    private final WireCodec codec;
    private final Clock clock;
    private final VenueBinding venues;

    /** Looks up the venue a kiosk is registered under. */
    @FunctionalInterface
    public interface KioskRegistry {
        Optional<VenueId> registeredVenue(KioskId kiosk);
    }

    public BatchValidator(WireCodec codec, Clock clock, KioskRegistry registry) {
        this.codec = codec;
        this.clock = clock;
        this.venues = new VenueBinding(registry);
    }

    /** Validates a message as received on {@code topic}. */
    public Verdict validate(String topic, byte[] payload) {
        Optional<Topics.KioskTopic> parsed = Topics.parseKioskTopic(topic);
        if (parsed.isEmpty() || !"up/checkins".equals(parsed.get().leaf())) {
            return new Verdict.Refused(ReasonClass.UNPARSEABLE, "not a check-in topic");
        }
        Optional<Verdict.Refused> unbound = venues.check(parsed.get());
        if (unbound.isPresent()) {
            return unbound.get();
        }
        if (payload == null || payload.length == 0) {
            return new Verdict.Refused(ReasonClass.UNPARSEABLE, "empty payload");
        }
        if (payload.length > CheckInBatch.MAX_BYTES) {
            return new Verdict.Refused(ReasonClass.UNPARSEABLE, "payload of " + payload.length + " bytes exceeds "
                    + CheckInBatch.MAX_BYTES);
        }
        CheckInBatch batch;
        try {
            batch = codec.decode(payload, CheckInBatch.class);
        } catch (WireFormatException e) {
            return new Verdict.Refused(schemaProblem(e) ? ReasonClass.WRONG_SCHEMA : ReasonClass.UNPARSEABLE, e.getMessage());
        } catch (RuntimeException e) {
            return new Verdict.Refused(ReasonClass.UNPARSEABLE, "undecodable: " + e.getClass().getSimpleName());
        }
        if (batch == null) {
            return new Verdict.Refused(ReasonClass.UNPARSEABLE, "payload is JSON null");
        }
        return checkEnvelope(parsed.get(), batch).<Verdict>map(reason -> new Verdict.Refused(ReasonClass.MISMATCH, reason))
                .orElseGet(() -> new Verdict.Accepted(parsed.get(), admit(topic, batch, clock.instant())));
    }

    /** The batch's schema field named another schema or version (CheckInBatch's own check says so). */
    private static boolean schemaProblem(WireFormatException e) {
        return e.getMessage() != null && e.getMessage().contains("schema must be ");
    }

    private static Optional<String> checkEnvelope(Topics.KioskTopic topic, CheckInBatch batch) {
        if (!batch.kioskId().equals(topic.kiosk())) {
            return Optional.of("payload kiosk " + batch.kioskId() + " differs from topic kiosk " + topic.kiosk());
        }
        if (!batch.venueId().equals(topic.venue())) {
            return Optional.of("payload venue " + batch.venueId() + " differs from topic venue " + topic.venue());
        }
        return Optional.empty();
    }

    private static Admission admit(String topic, CheckInBatch batch, Instant receivedAt) {
        List<PlacedCheckIn> admitted = new ArrayList<>();
        List<RecordRefusal> refused = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (CheckIn record : batch.records()) {
            Optional<String> problem = checkRecord(batch, record);
            if (problem.isEmpty() && !seen.add(record.id())) {
                problem = Optional.of("record " + record.id() + " appears twice in the batch");
            }
            if (problem.isPresent()) {
                refused.add(new RecordRefusal(record, ReasonClass.INVALID_RECORD, problem.get()));
            } else {
                admitted.add(TapTimes.place(record, batch.sentAt(), receivedAt));
            }
        }
        return new Admission(topic, batch, admitted, refused);
    }

    private static Optional<String> checkRecord(CheckInBatch batch, CheckIn record) {
        if (!record.kioskId().equals(batch.kioskId()) || !record.venueId().equals(batch.venueId())) {
            return Optional.of("record " + record.id() + " names kiosk " + record.kioskId() + " at venue "
                    + record.venueId() + ", not the envelope's " + batch.kioskId() + " at " + batch.venueId());
        }
        if (!APP_VERSION.matcher(record.appVersion()).matches()) {
            return Optional.of("record " + record.id() + " has an invalid appVersion");
        }
        return Optional.empty();
    }
}
