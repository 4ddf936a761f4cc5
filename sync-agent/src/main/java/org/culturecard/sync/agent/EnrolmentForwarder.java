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
import org.culturecard.sync.config.SyncConfig;

/**
 * Sends the kiosk's enrolment records to central on {@code up/enrolments} as {@link EnrolmentBatch}es
 * and marks them delivered only on central's {@link BatchAck} for the batch ({@link AckedForwarder}'s
 * rules: one batch in flight, sent again on timeout or reconnect). Central's ingest is idempotent on the
 * record's id, so a redelivery is counted as a duplicate, never twice. Confined to the agent's worker.
 */
final class EnrolmentForwarder {

    /** The kiosk's enrolment outbox as the forwarder uses it (a kiosk-db gateway in production). */
    interface Enrolments {
        /** At most {@code limit} records central has not acknowledged, oldest first. */
        List<Enrolment> pending(int limit);

        /** Central committed these records; returns how many became delivered now. */
        int markDelivered(Collection<UUID> ids, Instant at);
    }

    private final AckedForwarder<Enrolment> forwarder;

    EnrolmentForwarder(SyncConfig config, Enrolments enrolments, Link link, Clock clock, Supplier<UUID> ids,
            UUID bootId) {
        AckedForwarder.Outbox<Enrolment> outbox = new AckedForwarder.Outbox<>() {
            @Override
            public List<Enrolment> pending(int limit) {
                return enrolments.pending(limit);
            }

            @Override
            public int markDelivered(List<Enrolment> records, Instant at) {
                return enrolments.markDelivered(records.stream().map(Enrolment::id).toList(), at);
            }

            @Override
            public Object batch(UUID batchId, Instant sentAt, List<Enrolment> records) {
                return EnrolmentBatch.of(batchId, config.kioskId(), config.venueId(), bootId, sentAt, records);
            }
        };
        this.forwarder = new AckedForwarder<>(config, outbox, link, clock, ids,
                Topics.enrolments(config.venueId(), config.kioskId()), "enrolment", EnrolmentBatch.MAX_RECORDS);
    }

    /** The connection is new or gone: the batch in flight, if any, goes out again. */
    void reset() {
        forwarder.reset();
    }

    /** Sends the oldest pending records as one batch, unless one is awaiting its ack. */
    void pump() {
        forwarder.pump();
    }

    /** True when {@code payload} acked the enrolment batch in flight (then its records are delivered). */
    boolean ackArrived(byte[] payload) {
        return forwarder.ackArrived(payload);
    }

    /** Forgets a batch central has not acked within the ack timeout: its records go out again. */
    void expireUnacked(Instant now) {
        forwarder.expireUnacked(now);
    }
}
