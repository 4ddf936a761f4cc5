package org.culturecard.central.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.culturecard.central.deadletter.DeadLetters;
import org.culturecard.central.store.CheckInStore;
import org.culturecard.central.store.IngestResult;
import org.culturecard.central.store.ReasonClass;
import org.culturecard.central.store.RecordRefusal;
import org.culturecard.central.store.StoreRejectedException;
import org.culturecard.central.store.StoreUnavailableException;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.mqttlink.Backoff;
import org.culturecard.mqttlink.Inbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ingest worker's store thread: takes every accepted batch waiting (up to {@value #MAX_GROUP})
 * and commits them in one transaction (group commit: one fsync for many batches), then answers
 * each message with the kiosk's {@link BatchAck} and completes it to the broker once the broker has
 * that ack ({@link Inbound#replyThenComplete}), with the pending awards of the batch's people ({@link PendingAwards},
 * read after the commit, ADR 0037). While the database is unavailable it retries the
 * same group and takes no more; the broker's receive maximum bounds what waits meanwhile. A batch
 * the database refuses is found by storing the group one by one, and dead-lettered alone.
 */
final class GroupCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    /** Batches committed together at most; the broker's receive maximum (100) bounds it anyway. */
    private static final int MAX_GROUP = 100;

    /** An accepted batch waiting for the store thread. */
    private record Pending(Inbound message, Verdict.Accepted accepted) {
    }

    private final String name;
    private final CheckInStore store;
    private final DeadLetters deadLetters;
    private final IngestCounters counters;
    private final WireCodec codec;
    private final Clock clock;
    private final PendingAwards awards;
    private final LinkedBlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopped;

    GroupCommitter(String name, CheckInStore store, DeadLetters deadLetters, IngestCounters counters, WireCodec codec,
            Clock clock) {
        this(name, store, deadLetters, counters, codec, clock, PendingAwards.NONE);
    }

    GroupCommitter(String name, CheckInStore store, DeadLetters deadLetters, IngestCounters counters, WireCodec codec,
            Clock clock, PendingAwards awards) {
        this.awards = awards;
        this.name = name;
        this.store = store;
        this.deadLetters = deadLetters;
        this.counters = counters;
        this.codec = codec;
        this.clock = clock;
        this.thread = new Thread(this::storeLoop, "ingest-store-" + name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues an accepted batch for the next group; returns at once. */
    void add(Inbound message, Verdict.Accepted accepted) {
        pending.add(new Pending(message, accepted));
    }

    /** Stops taking groups (a group being stored is given up: its messages stay with the broker) and waits up to 5 s. */
    void stop() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Dead-letters {@code message} (counted) and completes it to the broker, never to the kiosk; never throws. */
    void deadLetterAndComplete(Inbound message, ReasonClass reasonClass, String reason) {
        try {
            deadLetters.refuse(message.topic(), reasonClass, reason, message.payload());
            counters.deadLettered();
        } catch (RuntimeException e) {
            LOG.error("could not dead-letter a message on {}: {}", message.topic(), e.getMessage());
        }
        message.complete();
    }

    private void storeLoop() {
        List<Pending> group = new ArrayList<>();
        while (!stopped) {
            try {
                Pending first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                pending.drainTo(group, MAX_GROUP - 1);
                storeGroup(group);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("ingest worker {}: unexpected failure storing {} batches", name, group.size(), e);
                group.forEach(p -> deadLetterAndComplete(p.message(), ReasonClass.INTERNAL,
                        "internal error: " + e.getClass().getSimpleName()));
            } finally {
                group.clear();
            }
        }
    }

    private void storeGroup(List<Pending> group) throws InterruptedException {
        int attempt = 0;
        while (!stopped) {
            try {
                List<IngestResult> results = store.ingest(group.stream().map(p -> p.accepted().admission()).toList());
                for (int i = 0; i < group.size(); i++) {
                    stored(group.get(i), results.get(i));
                }
                return;
            } catch (StoreUnavailableException e) {
                counters.storeRetried();
                long delay = Backoff.standard().delay(Math.min(++attempt, 11)).toMillis();
                LOG.warn("store unavailable for {} batches, retrying in {} ms: {}", group.size(), delay, e.getMessage());
                Thread.sleep(delay);
            } catch (StoreRejectedException e) {
                if (group.size() > 1) {
                    for (Pending one : group) {
                        storeGroup(List.of(one)); // find the batch the database refuses; store the rest
                    }
                    return;
                }
                Pending refused = group.get(0);
                LOG.warn("the database refused batch {}: {}", refused.accepted().batch().batchId(), e.getMessage());
                deadLetterAndComplete(refused.message(), ReasonClass.STORE_REFUSED, "store refused: " + e.getMessage());
                return;
            }
        }
    }

    /**
     * Acknowledges a committed batch to its kiosk. Check-ins held for their event count as
     * inserted: central has them. Records refused one by one count in neither figure; they are
     * in the dead letters, whole, so the kiosk may delete them.
     */
    private void stored(Pending p, IngestResult result) {
        Verdict.Accepted accepted = p.accepted();
        counters.stored(accepted.admission(), result);
        for (RecordRefusal refusal : result.refused()) {
            deadLetters.counts().refused(refusal.reasonClass());
            LOG.warn("batch {}: kept check-in {} whole in the dead letters ({}): {}", accepted.batch().batchId(),
                    refusal.record().id(), refusal.reasonClass().label(), refusal.reason());
        }
        LOG.debug("batch {} stored: {} new, {} held for their event, {} duplicates, {} refused", accepted.batch().batchId(),
                result.inserted(), result.held(), result.duplicates(), result.refused().size());
        BatchAck ack = BatchAck.of(accepted.batch().batchId(), accepted.batch().kioskId(), result.inserted() + result.held(),
                result.duplicates(), clock.instant())
                .withAwards(awards.of(accepted.batch().records().stream().map(r -> r.token()).toList()));
        p.message().replyThenComplete(Topics.acks(accepted.topic().venue(), accepted.topic().kiosk()), codec.encode(ack));
    }
}
