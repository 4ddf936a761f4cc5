package org.culturecard.central.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Deletes what is older than its retention period, a bounded chunk per transaction so ingest is
 * never held up for long. A check-in's age is its tap time, or its receipt time when the tap time
 * is implausible; the days its deleted check-ins were reported under are marked dirty in the same
 * transaction, so the rollup is rebuilt without them.
 */
public final class RetentionTables {

    private static final int CHUNK = 10_000;
    private static final String DELETE_CHECK_INS = """
            WITH gone AS (
                DELETE FROM check_ins WHERE id IN (
                    SELECT id FROM check_ins WHERE time_basis <> 'implausible' AND tapped_at < ?
                    UNION ALL
                    SELECT id FROM check_ins WHERE time_basis = 'implausible' AND received_at < ?
                    LIMIT %d)
                RETURNING tapped_at, time_basis
            )
            SELECT tapped_at FROM gone WHERE time_basis <> 'implausible'
            UNION ALL SELECT NULL FROM gone WHERE time_basis = 'implausible'""".formatted(CHUNK);

    private final DataSource dataSource;

    public RetentionTables(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Deletes dead letters received before {@code cutoff}; returns how many. */
    public long deleteDeadLettersBefore(Instant cutoff) {
        return deleteInChunks("DELETE FROM dead_letters WHERE id IN (SELECT id FROM dead_letters WHERE received_at < ? LIMIT "
                + CHUNK + ")", cutoff);
    }

    /** Deletes held check-ins received before {@code cutoff} (their event never came); returns how many. */
    public long deleteHeldBefore(Instant cutoff) {
        return deleteInChunks("DELETE FROM held_check_ins WHERE id IN (SELECT id FROM held_check_ins WHERE received_at < ? LIMIT "
                + CHUNK + ")", cutoff);
    }

    /** Deletes check-ins older than {@code cutoff} and marks their days dirty for the rollup; returns how many. */
    public long deleteCheckInsBefore(Instant cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = deleteCheckInChunk(cutoff);
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }

    private int deleteCheckInChunk(Instant cutoff) {
        try {
            return Transactions.run(dataSource, connection -> deleteCheckInChunk(connection, cutoff));
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("delete old check-ins", e);
        }
    }

    private static int deleteCheckInChunk(Connection connection, Instant cutoff) throws SQLException {
        int deleted = 0;
        List<Instant> days = new ArrayList<>();
        try (PreparedStatement delete = connection.prepareStatement(DELETE_CHECK_INS)) {
            delete.setObject(1, utc(cutoff));
            delete.setObject(2, utc(cutoff));
            try (ResultSet rs = delete.executeQuery()) {
                while (rs.next()) {
                    deleted++;
                    OffsetDateTime tapped = rs.getObject(1, OffsetDateTime.class);
                    if (tapped != null) {
                        days.add(tapped.toInstant());
                    }
                }
            }
        }
        CheckInRows.markDaysDirty(connection, days);
        return deleted;
    }

    private long deleteInChunks(String sql, Instant cutoff) {
        long total = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement delete = connection.prepareStatement(sql)) {
            int deleted;
            do {
                delete.setObject(1, utc(cutoff));
                deleted = delete.executeUpdate();
                total += deleted;
            } while (deleted == CHUNK);
            return total;
        } catch (SQLException e) {
            throw PostgresCheckInStore.classify("delete old rows", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
