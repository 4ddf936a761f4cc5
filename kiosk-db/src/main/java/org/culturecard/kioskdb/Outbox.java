package org.culturecard.kioskdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.kioskdb.internal.Sql;

/**
 * The {@code outbox} table, the only durable queue between a tap and central (ADR 2): the kiosk adds
 * a row in the transaction that records the check-in; the sync agent sends rows, marks them
 * delivered on central's ack and purges them later. A row is <em>pending</em> until
 * {@code delivered_at} is set, and <em>in flight</em> while {@code sent_at} is set and it is not
 * delivered. Delivery times are written to the nanosecond ({@link KioskTimes#formatNanos}), so that
 * SQL compares sub-second send times correctly; {@code created_at} to the millisecond.
 */
public final class Outbox {
    private final Connection connection;

    Outbox(Connection connection) {
        this.connection = connection;
    }

    /** What {@link #pending} hands each row to; returns false to stop reading. */
    @FunctionalInterface
    public interface RowVisitor {
        boolean visit(long seq, UUID checkInId, String payload, Instant createdAt);
    }

    /** Adds the row of a check-in: its {@code seq}, its wire JSON, and when it was recorded. */
    public void add(long seq, UUID checkInId, String payload, Instant createdAt) throws SQLException {
        Sql.update(connection, "INSERT INTO outbox (seq, check_in_id, payload, created_at) VALUES (?, ?, ?, ?)",
                seq, checkInId.toString(), payload, KioskTimes.format(createdAt));
    }

    /** Hands pending rows that are not in flight to {@code visitor}, in seq order, at most {@code limit}, until it says stop. */
    public void pending(int limit, RowVisitor visitor) throws SQLException {
        pendingAfter(0, limit, visitor);
    }

    /**
     * As {@link #pending}, but only rows after {@code afterSeq}: a reader that remembers the last row it
     * handed out starts there, so the partial index is not walked through the rows still in flight.
     */
    public void pendingAfter(long afterSeq, int limit, RowVisitor visitor) throws SQLException {
        try (PreparedStatement select = Sql.prepare(connection, "SELECT seq, check_in_id, payload, created_at FROM outbox"
                + " WHERE delivered_at IS NULL AND sent_at IS NULL AND seq > ? ORDER BY seq LIMIT ?", afterSeq, limit);
                ResultSet rows = select.executeQuery()) {
            while (rows.next() && visitor.visit(rows.getLong(1), UUID.fromString(rows.getString(2)), rows.getString(3),
                    KioskTimes.parse(rows.getString(4)))) {
                // the visitor keeps what it wants
            }
        }
    }

    /** Rows {@code seqs} went out in batch {@code batchId} at {@code at}: they are in flight. */
    public void markSent(UUID batchId, Collection<Long> seqs, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox SET batch_id = ?, sent_at = ? WHERE seq = ? AND delivered_at IS NULL")) {
            for (long seq : seqs) {
                update.setString(1, batchId.toString());
                update.setString(2, KioskTimes.formatNanos(at));
                update.setLong(3, seq);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Central committed batch {@code batchId}: its rows are delivered. Returns how many became so now (0 for a repeat). */
    public int markDelivered(UUID batchId, Instant at) throws SQLException {
        return Sql.update(connection, "UPDATE outbox SET delivered_at = ? WHERE batch_id = ? AND delivered_at IS NULL",
                KioskTimes.formatNanos(at), batchId.toString());
    }

    /** Makes rows sent before {@code olderThan} and still unacknowledged eligible again; keeps their batch id. */
    public int releaseSentBefore(Instant olderThan) throws SQLException {
        return Sql.update(connection, "UPDATE outbox SET sent_at = NULL WHERE delivered_at IS NULL"
                + " AND sent_at IS NOT NULL AND sent_at < ?", KioskTimes.formatNanos(olderThan));
    }

    /** Makes every unacknowledged row eligible again. */
    public int releaseAllSent() throws SQLException {
        return Sql.update(connection, "UPDATE outbox SET sent_at = NULL WHERE delivered_at IS NULL AND sent_at IS NOT NULL");
    }

    /** How many rows central has not acknowledged (in flight or not). */
    public long backlog() throws SQLException {
        return Sql.queryLong(connection, "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL");
    }

    /** When the oldest unacknowledged row was recorded, if any. */
    public Optional<Instant> oldestPendingCreatedAt() throws SQLException {
        return Sql.queryString(connection, "SELECT created_at FROM outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT 1")
                .map(KioskTimes::parse);
    }

    /** Deletes rows delivered before {@code olderThan} (the check-ins stay). Returns the count. */
    public int purgeDeliveredBefore(Instant olderThan) throws SQLException {
        return Sql.update(connection, "DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?",
                KioskTimes.formatNanos(olderThan));
    }
}
