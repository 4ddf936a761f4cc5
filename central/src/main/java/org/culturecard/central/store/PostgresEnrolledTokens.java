package org.culturecard.central.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * {@link EnrolledTokens} on PostgreSQL (V9's {@code people}, {@code person_validity},
 * {@code enrolments}, {@code identity_changes}). The publisher lock is a session-level advisory
 * lock held on one connection of the pool for as long as this process publishes: when the process
 * dies its session ends, the lock is free and another central's next {@link #lead()} takes it.
 * The tokens are read through a cursor, so millions of them never sit in memory at once.
 */
public final class PostgresEnrolledTokens implements EnrolledTokens {

    /** The advisory lock of the filter publisher ("FILT"). */
    private static final long LOCK = 0x46494c54L;
    private static final int FETCH = 10_000;

    private final DataSource dataSource;
    private Connection leader;

    public PostgresEnrolledTokens(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public synchronized boolean lead() {
        try {
            if (leader != null) {
                if (leader.isValid(5)) {
                    return true;
                }
                release();
            }
            Connection connection = dataSource.getConnection();
            boolean locked;
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    locked = rs.next() && rs.getBoolean(1);
                }
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            if (locked) {
                leader = connection;
            } else {
                connection.close();
            }
            return locked;
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("filter publisher lock", e);
        }
    }

    @Override
    public long stamp() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT coalesce(max(id), 0) FROM identity_changes");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("identity stamp", e);
        }
    }

    @Override
    public int validTokens(LocalDate day, Instant at, Consumer<String> sink) {
        try {
            return Transactions.run(dataSource, connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT p.token FROM people p"
                        + " JOIN person_validity v ON v.person_id = coalesce(p.canonical_id, p.person_id)"
                        + " WHERE (v.from_day IS NULL OR v.from_day <= ?) AND v.until_day >= ?"
                        + " AND (p.lost_at IS NULL OR p.lost_at > ?)")) {
                    select.setDate(1, Date.valueOf(day));
                    select.setDate(2, Date.valueOf(day));
                    select.setTimestamp(3, Timestamp.from(at));
                    select.setFetchSize(FETCH);
                    int count = 0;
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            sink.accept(rs.getString(1));
                            count++;
                        }
                    }
                    return count;
                }
            });
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("enrolled tokens", e);
        }
    }

    @Override
    public int everEnrolled() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM (SELECT chip_token FROM enrolments"
                        + " WHERE outcome = 'applied' AND chip_token IS NOT NULL UNION SELECT barcode_token FROM enrolments"
                        + " WHERE outcome = 'applied') t");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("enrolled token count", e);
        }
    }

    @Override
    public synchronized void close() {
        release();
    }

    private void release() {
        if (leader == null) {
            return;
        }
        try (Connection connection = leader) {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, LOCK);
                unlock.execute();
            }
        } catch (SQLException e) {
            // A broken session has lost its lock already.
        } finally {
            leader = null;
        }
    }
}
