package org.culturecard.sync.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.EnrolmentBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.mqttlink.Refusals;
import org.culturecard.sync.config.SyncConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the kiosk's enrolment records to central on {@code up/enrolments} as {@link EnrolmentBatch}es
 * and marks them delivered only on central's {@link BatchAck} for the batch, which comes on the
 * kiosk's ack topic like a check-in batch's. The check-in forwarder's rules, kept apart from it
 * ({@link OutboxForwarder}) because enrolments are a few a day: an in-flight window of one batch,
 * held in memory (the enrolment outbox has no sent marks); a batch not acked within the ack timeout,
 * and whatever was in flight when the connection drops, goes out again; a row leaves the outbox only
 * when central has acked it. Central's ingest is idempotent on the record's id, so a redelivery is
 * counted as a duplicate, never twice. Confined to the agent's worker.
 */
final class EnrolmentForwarder {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class); // the agent's one log
    /** Room for the batch envelope (ids, times, schema) around the records. */
    private static final int ENVELOPE_RESERVE = 1024;

    /** The kiosk's enrolment outbox as the forwarder uses it (a kiosk-db gateway in production). */
    interface Enrolments {
        /** At most {@code limit} records central has not acknowledged, oldest first. */
        List<Enrolment> pending(int limit);

        /** Central committed these records; returns how many became delivered now. */
        int markDelivered(Collection<UUID> ids, Instant at);
    }

    /** The batch awaiting central's ack. */
    private record InFlight(UUID batchId, List<UUID> ids, Instant sentAt) {}

    private final SyncConfig config;
    private final Enrolments enrolments;
    private final Link link;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final UUID bootId;
    private final WireCodec codec = new WireCodec();
    private final String topic;
    private InFlight inFlight;

    EnrolmentForwarder(SyncConfig config, Enrolments enrolments, Link link, Clock clock, Supplier<UUID> ids,
            UUID bootId) {
        this.config = config;
        this.enrolments = enrolments;
        this.link = link;
        this.clock = clock;
        this.ids = ids;
        this.bootId = bootId;
        this.topic = Topics.enrolments(config.venueId(), config.kioskId());
    }

    /** The connection is new or gone: the batch in flight, if any, goes out again. */
    void reset() {
        inFlight = null;
    }

    /** Sends the oldest pending records as one batch, unless one is awaiting its ack. */
    void pump() {
        if (!link.isUp() || inFlight != null) {
            return;
        }
        List<Enrolment> records = enrolments.pending(Math.min(EnrolmentBatch.MAX_RECORDS, config.batchMaxRecords()));
        if (records.isEmpty()) {
            return;
        }
        UUID batchId = ids.get();
        Instant now = clock.instant();
        byte[] payload = codec.encode(EnrolmentBatch.of(batchId, config.kioskId(), config.venueId(), bootId, now, records));
        while (payload.length > config.batchMaxBytes() - ENVELOPE_RESERVE && records.size() > 1) {
            records = records.subList(0, records.size() / 2);
            payload = codec.encode(EnrolmentBatch.of(batchId, config.kioskId(), config.venueId(), bootId, now, records));
        }
        inFlight = new InFlight(batchId, records.stream().map(Enrolment::id).toList(), now);
        link.publish(topic, payload, false, code -> published(batchId, code));
        log.info("sent {} enrolments to central in batch {}", records.size(), batchId);
    }

    /**
     * An ack on the kiosk's ack topic: when it is for the enrolment batch in flight, its records are
     * delivered and this returns true; any other ack (a check-in batch's) is left to the caller.
     */
    boolean ackArrived(byte[] payload) {
        if (inFlight == null) {
            return false;
        }
        BatchAck ack;
        try {
            ack = codec.decode(payload, BatchAck.class);
        } catch (WireFormatException e) {
            return false; // the check-in forwarder says so
        }
        if (!ack.batchId().equals(inFlight.batchId()) || !ack.kioskId().equals(config.kioskId())) {
            return false;
        }
        int marked = enrolments.markDelivered(inFlight.ids(), clock.instant());
        log.info("central acknowledged enrolment batch {}: {} new, {} already held; {} marked delivered",
                ack.batchId(), ack.inserted(), ack.duplicates(), marked);
        inFlight = null;
        pump();
        return true;
    }

    /** Forgets a batch central has not acked within the ack timeout: its records go out again. */
    void expireUnacked(Instant now) {
        if (inFlight != null && inFlight.sentAt().isBefore(now.minus(config.ackTimeout()))) {
            log.warn("no ack from central within {} for enrolment batch {}: sending its {} records again",
                    config.ackTimeout(), inFlight.batchId(), inFlight.ids().size());
            inFlight = null;
        }
    }

    private void published(UUID batchId, int code) {
        if (code >= 0x80) {
            log.error("the broker refused enrolment batch {}: {}", batchId, Refusals.describe(code));
            link.refused("publishing to " + topic, code);
        } else if (code == 0x10) {
            log.warn("enrolment batch {} reached no subscriber: is central running? Sent again after {}",
                    batchId, config.ackTimeout());
        }
    }
}
