package org.culturecard.sync.agent;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.PendingAward;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.mqttlink.Refusals;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.OutboxRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards the outbox in batches and marks check-ins delivered only when central's {@link BatchAck}
 * arrives (a broker's PUBACK proves nothing about the central store). Batches awaiting their ack
 * form the in-flight window, which never exceeds the broker's receive maximum (less a few slots
 * for status messages), so Paho never fails a publish with "too many publishes in progress"
 * (32202). A batch central has not acked within the ack timeout is forgotten and its rows go out
 * again; after any reconnect every unacknowledged row does (central's inserts are idempotent).
 * Confined to the agent's worker.
 */
final class OutboxForwarder {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class); // the agent's one log
    /** Room for the batch envelope (ids, times, schema) around the records. */
    private static final int ENVELOPE_RESERVE = 1024;
    /** In-flight slots kept free for status messages. */
    private static final int STATUS_SLOTS = 2;
    private static final int MAX_WINDOW = 1000;
    /** Batches marked sent in one SQLite transaction (one sync of the WAL) before they are published. */
    private static final int BATCHES_PER_WRITE = 16;

    /** The outbox as the forwarder uses it (the kiosk's SQLite file in production). */
    interface Outbox {
        /** Pending rows not in flight with a seq after {@code afterSeq}, in seq order, within the limits. */
        List<OutboxRecord> nextBatch(long afterSeq, int maxRecords, int maxBytes);

        /** Rows went out in these batches (batch id to seqs), in one transaction. */
        void markSent(Map<UUID, List<Long>> batches, Instant at);

        /** Central acked these batches: their rows are delivered, in one transaction. Returns the rows newly delivered per batch. */
        Map<UUID, Integer> markDelivered(Collection<UUID> batchIds, Instant at);

        int releaseUnacked(Instant olderThan);

        int releaseAllUnacked();

        /** Keeps the pending awards of acks for the kiosk to show (ADR 37); an award already shown there is not kept. */
        void keepAwards(List<PendingAward> awards, Instant at);
    }

    private final SyncConfig config;
    private final Outbox outbox;
    private final Link link;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final UUID bootId;
    private final Consumer<BatchDelivered> delivered;
    private final AgentMeters meters;
    private final WireCodec codec = new WireCodec();
    private final String checkinsTopic;
    private final Map<UUID, Instant> inFlight = new LinkedHashMap<>();
    private int window = 1;
    /** The last seq handed out since rows were last released: later reads start after it, not at the in-flight rows. */
    private long cursor;
    private boolean warnedNoSubscriber;
    private Instant lastSyncAt;

    OutboxForwarder(SyncConfig config, Outbox outbox, Link link, Clock clock, Supplier<UUID> ids, UUID bootId,
            Consumer<BatchDelivered> delivered, AgentMeters meters) {
        this.config = config;
        this.outbox = outbox;
        this.link = link;
        this.clock = clock;
        this.ids = ids;
        this.bootId = bootId;
        this.delivered = delivered;
        this.meters = meters;
        this.checkinsTopic = Topics.checkins(config.venueId(), config.kioskId());
    }

    /** A new connection: nothing is in flight, every unacked row goes out again. Returns the publish window. */
    int connected(int receiveMaximum) {
        window = Math.max(1, Math.min(MAX_WINDOW, receiveMaximum - STATUS_SLOTS));
        inFlight.clear();
        warnedNoSubscriber = false;
        outbox.releaseAllUnacked();
        cursor = 0;
        return window;
    }

    /** The connection is gone: whatever was in flight goes out again on the next one. */
    void disconnected() {
        inFlight.clear();
        outbox.releaseAllUnacked();
        cursor = 0;
    }

    /** When central last acknowledged a batch; null if never since start. */
    Instant lastSyncAt() {
        return lastSyncAt;
    }

    /**
     * Publishes batches while the window has room and the outbox has rows. Returns false only when
     * it could have published and found no row: the caller may want to look again soon.
     */
    boolean pump() {
        boolean found = false;
        while (link.isUp() && inFlight.size() < window) {
            Instant now = clock.instant();
            Map<UUID, List<Long>> sent = new LinkedHashMap<>();
            List<Outgoing> ready = new ArrayList<>();
            int room = Math.min(BATCHES_PER_WRITE, window - inFlight.size());
            boolean more = true;
            while (ready.size() < room && more) {
                List<OutboxRecord> rows = outbox.nextBatch(cursor, config.batchMaxRecords(),
                        config.batchMaxBytes() - ENVELOPE_RESERVE);
                more = !rows.isEmpty();
                if (more) {
                    cursor = rows.get(rows.size() - 1).seq();
                    prepare(rows, now, sent, ready);
                }
            }
            if (sent.isEmpty()) {
                return found;
            }
            found = true;
            outbox.markSent(sent, now); // on disk before any of them is published
            for (Outgoing batch : ready) {
                if (!link.isUp()) {
                    return true; // a publish lost the link: disconnected() released these rows
                }
                publish(batch, now);
            }
            if (!more) {
                return true;
            }
        }
        return true;
    }

    /** Central's ack on the kiosk's ack topic: the batch's rows are delivered. */
    void ackArrived(byte[] payload) {
        acksArrived(List.of(payload));
    }

    /** Central's acks that arrived together: their rows are marked delivered in one transaction, then the window refills. */
    void acksArrived(List<byte[]> payloads) {
        Map<UUID, BatchAck> acks = new LinkedHashMap<>();
        for (byte[] payload : payloads) {
            try {
                BatchAck ack = codec.decode(payload, BatchAck.class);
                if (ack.kioskId().equals(config.kioskId())) {
                    acks.putIfAbsent(ack.batchId(), ack);
                } else {
                    log.warn("ignoring an ack for kiosk {} on this kiosk's topic", ack.kioskId());
                }
            } catch (WireFormatException e) {
                log.warn("ignoring an unreadable ack: {}", e.getMessage());
            }
        }
        if (acks.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // Awards first: a crash before the rows are marked delivered loses nothing (central sends them until shown).
        List<PendingAward> awards = acks.values().stream().flatMap(ack -> ack.awards().stream()).toList();
        if (!awards.isEmpty()) {
            outbox.keepAwards(awards, now);
        }
        Map<UUID, Integer> counts = outbox.markDelivered(acks.keySet(), now);
        warnedNoSubscriber = false;
        for (BatchAck ack : acks.values()) {
            inFlight.remove(ack.batchId());
            int count = counts.getOrDefault(ack.batchId(), 0);
            if (count > 0) {
                lastSyncAt = now;
                meters.checkInsAcked(count);
                delivered.accept(new BatchDelivered(ack.batchId(), count, ack.inserted(), ack.duplicates(), now));
            } else {
                log.debug("ack for batch {} changed nothing (already delivered or superseded)", ack.batchId());
            }
        }
        pump();
    }

    /** Forgets batches central has not acked within the timeout and frees their rows to go out again. */
    void expireUnacked(Instant now, boolean sweep) {
        Instant threshold = now.minus(config.ackTimeout());
        int before = inFlight.size();
        inFlight.values().removeIf(sentAt -> sentAt.isBefore(threshold));
        if (before == inFlight.size() && !sweep) {
            return; // the database sweep (for rows parked without a batch in memory) runs once a second
        }
        int released = outbox.releaseUnacked(threshold);
        if (released > 0) {
            cursor = 0; // the released rows lie before it
        }
        if (before > inFlight.size() || released > 0) {
            meters.batchesRepublished(before - inFlight.size());
            log.warn("no ack from central within {} for {} batches: republishing {} check-ins",
                    config.ackTimeout(), before - inFlight.size(), released);
        }
    }

    /** A batch encoded and about to be published. */
    private record Outgoing(UUID batchId, byte[] payload, int checkIns) {
    }

    /** Decodes the rows into a batch for {@code ready}; every row, readable or parked, goes into {@code sent}. */
    private void prepare(List<OutboxRecord> rows, Instant now, Map<UUID, List<Long>> sent, List<Outgoing> ready) {
        List<CheckIn> records = new ArrayList<>(rows.size());
        List<Long> seqs = new ArrayList<>(rows.size());
        List<Long> unreadable = new ArrayList<>();
        for (OutboxRecord row : rows) {
            try {
                records.add(codec.decode(row.payload().getBytes(StandardCharsets.UTF_8), CheckIn.class));
                seqs.add(row.seq());
            } catch (WireFormatException e) {
                unreadable.add(row.seq());
                log.error("outbox row seq {} is not a readable check-in ({}); it stays pending", row.seq(), e.getMessage());
            }
        }
        if (!unreadable.isEmpty()) {
            // Parked as if sent in a batch that is never acked: retried after the ack timeout, never dropped.
            sent.put(ids.get(), unreadable);
        }
        if (records.isEmpty()) {
            return;
        }
        UUID batchId = ids.get();
        sent.put(batchId, seqs);
        ready.add(new Outgoing(batchId,
                codec.encode(CheckInBatch.of(batchId, config.kioskId(), config.venueId(), bootId, now, records)), records.size()));
    }

    private void publish(Outgoing batch, Instant now) {
        inFlight.put(batch.batchId(), now);
        link.publish(checkinsTopic, batch.payload(), false, code -> published(batch.batchId(), code));
        meters.batchPublished();
        log.debug("published batch {} ({} check-ins, {} bytes)", batch.batchId(), batch.checkIns(), batch.payload().length);
    }

    private void published(UUID batchId, int code) {
        if (code >= 0x80) {
            log.error("the broker refused batch {}: {}", batchId, Refusals.describe(code));
            link.refused("publishing to " + checkinsTopic, code);
        } else if (code == 0x10 && !warnedNoSubscriber) {
            warnedNoSubscriber = true; // once per connection (or until an ack comes), not once per batch
            log.warn("batch {} reached no subscriber: is central running? Unacked batches are republished after {}",
                    batchId, config.ackTimeout());
        }
    }
}
