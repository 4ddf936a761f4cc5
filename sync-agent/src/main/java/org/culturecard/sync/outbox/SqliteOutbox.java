package org.culturecard.sync.outbox;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.PendingAward;
import org.culturecard.kioskdb.KioskDb;
import org.culturecard.kioskdb.KioskDbException;

/**
 * The kiosk's outbox table, seen from the sync agent: the only durable queue between a tap and
 * central. The kiosk database is kiosk-db's (ADR 26); the agent opens it as
 * {@link KioskDb.Role#SYNC_AGENT} (never creating it, migrating it forward if the kiosk has not yet)
 * and only reads and updates outbox rows.
 *
 * <p>A row is <em>pending</em> until central's ack sets {@code delivered_at}; it is <em>in flight</em>
 * while {@code sent_at} is set and it is not delivered. {@link #releaseUnacked} clears {@code sent_at}
 * so an unacknowledged row goes out again, but keeps its {@code batch_id}, so a late ack for the old
 * batch still counts. Failures after opening are kiosk-db's {@link KioskDbException}s.
 *
 * <p>Thread-safe: one connection, one caller at a time.
 */
public final class SqliteOutbox implements AutoCloseable {
    /** Bytes a record adds to a batch beyond its payload: the comma between records. */
    private static final int SEPARATOR_BYTES = 1;

    private final KioskDb db;

    private SqliteOutbox(KioskDb db) {
        this.db = db;
    }

    /** Opens the kiosk's database: WAL, synchronous=FULL, busy_timeout 5000 ms. The file must exist. */
    public static SqliteOutbox open(Path database) {
        try {
            return new SqliteOutbox(KioskDb.open(database, KioskDb.Role.SYNC_AGENT));
        } catch (KioskDbException e) {
            throw new OutboxException("cannot open the outbox in " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pending rows that are not in flight, in seq order: at most {@code maxRecords}, and at most
     * {@code maxBytes} of payload (plus separators), but always at least one row if any is eligible.
     */
    public List<OutboxRecord> nextBatch(int maxRecords, int maxBytes) {
        return nextBatch(0, maxRecords, maxBytes);
    }

    /** As {@link #nextBatch(int, int)}, counting only rows after {@code afterSeq}. */
    public List<OutboxRecord> nextBatch(long afterSeq, int maxRecords, int maxBytes) {
        return db.read("read pending rows", t -> {
            List<OutboxRecord> batch = new ArrayList<>();
            int[] bytes = {0};
            t.outbox().pendingAfter(afterSeq, maxRecords, (seq, checkInId, payload, createdAt) -> {
                OutboxRecord record = new OutboxRecord(seq, checkInId, payload, createdAt);
                bytes[0] += record.payloadBytes() + SEPARATOR_BYTES;
                if (!batch.isEmpty() && bytes[0] > maxBytes) {
                    return false;
                }
                batch.add(record);
                return true;
            });
            return batch;
        });
    }

    /** Records that rows {@code seqs} went out in batch {@code batchId} at {@code at}: they are in flight. */
    public void markSent(UUID batchId, Collection<Long> seqs, Instant at) {
        db.write("mark batch " + batchId + " sent", t -> {
            t.outbox().markSent(batchId, seqs, at);
            return null;
        });
    }

    /** As {@link #markSent(UUID, Collection, Instant)} for several batches (batch id to seqs), in one transaction. */
    public void markSent(Map<UUID, ? extends Collection<Long>> batches, Instant at) {
        db.write("mark " + batches.size() + " batches sent", t -> {
            for (Map.Entry<UUID, ? extends Collection<Long>> batch : batches.entrySet()) {
                t.outbox().markSent(batch.getKey(), batch.getValue(), at);
            }
            return null;
        });
    }

    /** As {@link #markDelivered(UUID, Instant)} for several batches, in one transaction: rows newly delivered per batch. */
    public Map<UUID, Integer> markDelivered(Collection<UUID> batchIds, Instant at) {
        return db.write("mark " + batchIds.size() + " batches delivered", t -> {
            Map<UUID, Integer> counts = new LinkedHashMap<>();
            for (UUID batchId : batchIds) {
                counts.put(batchId, t.outbox().markDelivered(batchId, at));
            }
            return counts;
        });
    }

    /**
     * Central has committed batch {@code batchId}: its rows are delivered. Idempotent: a repeated
     * or unknown ack changes nothing. Returns how many rows became delivered now.
     */
    public int markDelivered(UUID batchId, Instant at) {
        return db.write("mark batch " + batchId + " delivered", t -> t.outbox().markDelivered(batchId, at));
    }

    /** Keeps the pending awards of central's acks for the kiosk to show (ADR 37). Returns how many were kept. */
    public int keepAwards(List<PendingAward> awards, Instant at) {
        return db.write("keep " + awards.size() + " awards to show", t -> t.awards().keep(awards, at));
    }

    /** At most {@code limit} awards shown here that central has not acknowledged, oldest first (ADR 37). */
    public List<AwardsShown.Shown> unreportedAwards(int limit) {
        return db.read("read awards shown", t -> t.awards().unreported(limit));
    }

    /** Central acknowledged these shown awards. Returns how many became reported now (0 for a repeat). */
    public int awardsReported(List<AwardsShown.Shown> shown, Instant at) {
        return db.write("mark " + shown.size() + " shown awards reported", t -> t.awards().reported(shown, at));
    }

    /** Makes rows sent before {@code olderThan} and still unacknowledged eligible for a new batch. */
    public int releaseUnacked(Instant olderThan) {
        return db.write("release unacknowledged rows", t -> t.outbox().releaseSentBefore(olderThan));
    }

    /** Makes every unacknowledged row eligible again: after a restart or a lost connection nothing is in flight. */
    public int releaseAllUnacked() {
        return db.write("release unacknowledged rows", t -> t.outbox().releaseAllSent());
    }

    /** How many check-ins central has not yet acknowledged (in flight or not). */
    public long backlogCount() {
        return db.read("count the backlog", t -> t.outbox().backlog());
    }

    /** How long the oldest unacknowledged check-in has waited, or empty when nothing is pending. */
    public Optional<Duration> oldestPendingAge(Instant now) {
        return db.read("read the oldest pending row", t -> t.outbox().oldestPendingCreatedAt()).map(createdAt -> {
            Duration age = Duration.between(createdAt, now);
            return age.isNegative() ? Duration.ZERO : age;
        });
    }

    /** Deletes outbox rows delivered before {@code olderThan} (the check-ins themselves stay). Returns the count. */
    public int purgeDelivered(Instant olderThan) {
        return db.write("purge delivered rows", t -> t.outbox().purgeDeliveredBefore(olderThan));
    }

    @Override
    public void close() {
        db.close();
    }
}
