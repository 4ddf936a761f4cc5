package org.culturecard.sync.outbox;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.kioskdb.KioskTimes;

/**
 * The kiosk's outbox table, seen from the sync agent: the only durable queue between a tap and
 * central. The kiosk owns the file and its migrations; the agent opens the same file (WAL, so both
 * processes can use it at once) and only reads and updates outbox rows.
 *
 * <p>A row is <em>pending</em> until central's ack sets {@code delivered_at}; it is <em>in flight</em>
 * while {@code sent_at} is set and it is not delivered. {@link #releaseUnacked} clears {@code sent_at}
 * so an unacknowledged row goes out again, but keeps its {@code batch_id}, so a late ack for the old
 * batch still counts. Times written here are fixed-width UTC text ({@link KioskTimes}), so SQL compares them correctly.
 *
 * <p>Thread-safe: one connection, every method synchronized.
 */
public final class SqliteOutbox implements AutoCloseable {
    /** Bytes a record adds to a batch beyond its payload: the comma between records. */
    private static final int SEPARATOR_BYTES = 1;

    private final Connection connection;

    private SqliteOutbox(Connection connection) {
        this.connection = connection;
    }

    /** Opens the kiosk's database: WAL, synchronous=FULL, busy_timeout 5000 ms. The file must exist. */
    public static SqliteOutbox open(Path database) {
        try {
            Connection connection = KioskDatabase.open(database);
            try (PreparedStatement check = connection.prepareStatement("SELECT count(*) FROM outbox WHERE 0")) {
                check.executeQuery().close();
            }
            return new SqliteOutbox(connection);
        } catch (SQLException e) {
            throw new OutboxException("cannot open the outbox in " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Pending rows that are not in flight, in seq order: at most {@code maxRecords}, and at most
     * {@code maxBytes} of payload (plus separators), but always at least one row if any is eligible.
     */
    public synchronized List<OutboxRecord> nextBatch(int maxRecords, int maxBytes) {
        String sql = "SELECT seq, check_in_id, payload, created_at FROM outbox"
                + " WHERE delivered_at IS NULL AND sent_at IS NULL ORDER BY seq LIMIT ?";
        List<OutboxRecord> batch = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, maxRecords);
            try (ResultSet rows = select.executeQuery()) {
                int bytes = 0;
                while (rows.next()) {
                    OutboxRecord record = new OutboxRecord(rows.getLong(1), UUID.fromString(rows.getString(2)),
                            rows.getString(3), KioskTimes.parse(rows.getString(4)));
                    bytes += record.payloadBytes() + SEPARATOR_BYTES;
                    if (!batch.isEmpty() && bytes > maxBytes) {
                        break;
                    }
                    batch.add(record);
                }
            }
            return batch;
        } catch (SQLException e) {
            throw failure("read pending rows", e);
        }
    }

    /** Records that rows {@code seqs} went out in batch {@code batchId} at {@code at}: they are in flight. */
    public synchronized void markSent(UUID batchId, Collection<Long> seqs, Instant at) {
        String sql = "UPDATE outbox SET batch_id = ?, sent_at = ? WHERE seq = ? AND delivered_at IS NULL";
        KioskDatabase.inTransaction(connection, () -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                for (long seq : seqs) {
                    update.setString(1, batchId.toString());
                    update.setString(2, KioskTimes.formatNanos(at));
                    update.setLong(3, seq);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        }, "mark batch " + batchId + " sent");
    }

    /**
     * Central has committed batch {@code batchId}: its rows are delivered. Idempotent: a repeated
     * or unknown ack changes nothing. Returns how many rows became delivered now.
     */
    public synchronized int markDelivered(UUID batchId, Instant at) {
        String sql = "UPDATE outbox SET delivered_at = ? WHERE batch_id = ? AND delivered_at IS NULL";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, KioskTimes.formatNanos(at));
            update.setString(2, batchId.toString());
            return update.executeUpdate();
        } catch (SQLException e) {
            throw failure("mark batch " + batchId + " delivered", e);
        }
    }

    /** Makes rows sent before {@code olderThan} and still unacknowledged eligible for a new batch. */
    public synchronized int releaseUnacked(Instant olderThan) {
        String sql = "UPDATE outbox SET sent_at = NULL WHERE delivered_at IS NULL AND sent_at IS NOT NULL AND sent_at < ?";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, KioskTimes.formatNanos(olderThan));
            return update.executeUpdate();
        } catch (SQLException e) {
            throw failure("release unacknowledged rows", e);
        }
    }

    /** Makes every unacknowledged row eligible again: after a restart or a lost connection nothing is in flight. */
    public synchronized int releaseAllUnacked() {
        String sql = "UPDATE outbox SET sent_at = NULL WHERE delivered_at IS NULL AND sent_at IS NOT NULL";
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            return update.executeUpdate();
        } catch (SQLException e) {
            throw failure("release unacknowledged rows", e);
        }
    }

    /** How many check-ins central has not yet acknowledged (in flight or not). */
    public synchronized long backlogCount() {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM outbox WHERE delivered_at IS NULL");
                ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw failure("count the backlog", e);
        }
    }

    /** How long the oldest unacknowledged check-in has waited, or empty when nothing is pending. */
    public synchronized Optional<Duration> oldestPendingAge(Instant now) {
        String sql = "SELECT created_at FROM outbox WHERE delivered_at IS NULL ORDER BY seq LIMIT 1";
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            Duration age = Duration.between(KioskTimes.parse(rows.getString(1)), now);
            return Optional.of(age.isNegative() ? Duration.ZERO : age);
        } catch (SQLException e) {
            throw failure("read the oldest pending row", e);
        }
    }

    /** Deletes outbox rows delivered before {@code olderThan} (the check-ins themselves stay). Returns the count. */
    public synchronized int purgeDelivered(Instant olderThan) {
        String sql = "DELETE FROM outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?";
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setString(1, KioskTimes.formatNanos(olderThan));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("purge delivered rows", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close the database", e);
        }
    }

    private static OutboxException failure(String what, SQLException e) {
        return new OutboxException("cannot " + what + ": " + e.getMessage(), e);
    }
}
