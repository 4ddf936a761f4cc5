package org.culturecard.sync.agent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.mqttlink.Refusals;
import org.culturecard.sync.config.SyncConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one kind of kiosk record that central acks batch by batch (enrolments, awards shown) on its
 * upward topic and marks them delivered only on central's {@link BatchAck} for the batch, which comes
 * on the kiosk's ack topic like a check-in batch's. The check-in forwarder's rules, kept apart from it
 * ({@link OutboxForwarder}) because these records are a few a day: an in-flight window of one batch,
 * held in memory; a batch not acked within the ack timeout, and whatever was in flight when the
 * connection drops, goes out again; a record leaves its outbox only when central has acked it.
 * Central's handling is idempotent, so a redelivery is counted as a duplicate, never twice. Confined
 * to the agent's worker.
 *
 * @param <R> the record
 */
final class AckedForwarder<R> {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class); // the agent's one log
    /** Room for the batch envelope (ids, times, schema) around the records. */
    private static final int ENVELOPE_RESERVE = 1024;

    /** The records' outbox and their wire batch. */
    interface Outbox<R> {
        /** At most {@code limit} records central has not acknowledged, oldest first. */
        List<R> pending(int limit);

        /** Central acked these records; returns how many became delivered now. */
        int markDelivered(List<R> records, Instant at);

        /** The records as one upward message of batch {@code batchId}, sent at {@code sentAt}. */
        Object batch(UUID batchId, Instant sentAt, List<R> records);
    }

    /** The batch awaiting central's ack. */
    private record InFlight<R>(UUID batchId, List<R> records, Instant sentAt) {}

    private final SyncConfig config;
    private final Outbox<R> outbox;
    private final Link link;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final WireCodec codec = new WireCodec();
    private final String topic;
    private final String noun;
    private final int maxRecords;
    private InFlight<R> inFlight;

    /** Sends to {@code topic} at most {@code maxRecords} a batch; {@code noun} names a record in the log. */
    AckedForwarder(SyncConfig config, Outbox<R> outbox, Link link, Clock clock, Supplier<UUID> ids, String topic,
            String noun, int maxRecords) {
        this.config = config;
        this.outbox = outbox;
        this.link = link;
        this.clock = clock;
        this.ids = ids;
        this.topic = topic;
        this.noun = noun;
        this.maxRecords = Math.min(maxRecords, config.batchMaxRecords());
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
        List<R> records = outbox.pending(maxRecords);
        if (records.isEmpty()) {
            return;
        }
        UUID batchId = ids.get();
        Instant now = clock.instant();
        byte[] payload = codec.encode(outbox.batch(batchId, now, records));
        while (payload.length > config.batchMaxBytes() - ENVELOPE_RESERVE && records.size() > 1) {
            records = records.subList(0, records.size() / 2);
            payload = codec.encode(outbox.batch(batchId, now, records));
        }
        inFlight = new InFlight<>(batchId, List.copyOf(records), now);
        link.publish(topic, payload, false, code -> published(batchId, code));
        log.info("sent {} {} records to central in batch {}", records.size(), noun, batchId);
    }

    /**
     * An ack on the kiosk's ack topic: when it is for the batch in flight, its records are
     * delivered and this returns true; any other ack (a check-in batch's, another forwarder's) is left to the caller.
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
        int marked = outbox.markDelivered(inFlight.records(), clock.instant());
        log.info("central acknowledged {} batch {}: {} new, {} already held; {} marked delivered", noun,
                ack.batchId(), ack.inserted(), ack.duplicates(), marked);
        inFlight = null;
        pump();
        return true;
    }

    /** Forgets a batch central has not acked within the ack timeout: its records go out again. */
    void expireUnacked(Instant now) {
        if (inFlight != null && inFlight.sentAt().isBefore(now.minus(config.ackTimeout()))) {
            log.warn("no ack from central within {} for {} batch {}: sending its {} records again",
                    config.ackTimeout(), noun, inFlight.batchId(), inFlight.records().size());
            inFlight = null;
        }
    }

    private void published(UUID batchId, int code) {
        if (code >= 0x80) {
            log.error("the broker refused {} batch {}: {}", noun, batchId, Refusals.describe(code));
            link.refused("publishing to " + topic, code);
        } else if (code == 0x10) {
            log.warn("{} batch {} reached no subscriber: is central running? Sent again after {}",
                    noun, batchId, config.ackTimeout());
        }
    }
}
