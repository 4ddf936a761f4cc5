package org.culturecard.central.report;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.culturecard.central.store.Transactions;

/**
 * Runs the coverage report on PostgreSQL ({@link CoverageReport}), then {@link CoverageBuilder}
 * suppresses. One aggregate query over {@code check_ins} in the range: each tap's person is its
 * token's canonical person (ADR 30; a token not yet given an id counts as itself), a replaced
 * card's taps after it was lost count for nobody, a tap is verified when its UTC day lies in one of
 * its person's validity intervals, and a person counts as registered at a venue when any of their
 * taps there was verified, otherwise as unverified. Only counts leave the database.
 */
final class CoverageQueries {

    private static final String COUNTS = """
            WITH base AS (
                SELECT c.venue_id, coalesce(coalesce(p.canonical_id, p.person_id)::text, c.token) AS person,
                       EXISTS (SELECT 1 FROM person_validity v WHERE v.person_id = coalesce(p.canonical_id, p.person_id)
                           AND (v.from_day IS NULL OR v.from_day <= (c.tapped_at AT TIME ZONE 'UTC')::date)
                           AND (c.tapped_at AT TIME ZONE 'UTC')::date <= v.until_day) AS verified
                FROM check_ins c
                LEFT JOIN people p ON p.token = c.token
                WHERE c.tapped_at >= ? AND c.tapped_at < ? AND c.time_basis <> 'implausible'
                  AND (p.lost_at IS NULL OR c.tapped_at < p.lost_at)
                  AND (?::text[] IS NULL OR c.venue_id = ANY(?::text[]))
            ), per AS (
                SELECT GROUPING(venue_id) AS lvl, venue_id, bool_or(verified) AS registered
                FROM base GROUP BY GROUPING SETS ((venue_id, person), (person))
            )
            SELECT lvl, venue_id, count(*) FILTER (WHERE registered), count(*) FILTER (WHERE NOT registered)
            FROM per GROUP BY lvl, venue_id""";

    private static final String VENUES = "SELECT DISTINCT venue_id FROM kiosks WHERE (?::text[] IS NULL OR venue_id = ANY(?::text[]))";

    private final DataSource dataSource;

    public CoverageQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Coverage from {@code from} to before {@code to} at {@code venues} (null: every venue). */
    public CoverageReport report(LocalDate from, LocalDate to, Set<String> venues) {
        new ReportSpec(Dimension.VENUE, Period.MONTH, from, to); // the same range rules as an engagement report's
        try {
            return Transactions.run(dataSource, connection -> {
                Array scope = venues == null ? null : connection.createArrayOf("text", venues.toArray(String[]::new));
                return CoverageBuilder.build(from, to, knownVenues(connection, scope), counts(connection, from, to, scope));
            });
        } catch (SQLException e) {
            throw new IllegalStateException("coverage report failed: " + e.getMessage(), e);
        }
    }

    /** The raw counts, unsuppressed (one per venue with taps and the total, venue null): for tests only. */
    List<CoverageBuilder.Counts> rawCounts(LocalDate from, LocalDate to) {
        try {
            return Transactions.run(dataSource, connection -> counts(connection, from, to, null));
        } catch (SQLException e) {
            throw new IllegalStateException("coverage report failed: " + e.getMessage(), e);
        }
    }

    private static List<CoverageBuilder.Counts> counts(Connection connection, LocalDate from, LocalDate to, Array scope)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(COUNTS)) {
            select.setObject(1, start(from));
            select.setObject(2, start(to));
            select.setArray(3, scope);
            select.setArray(4, scope);
            List<CoverageBuilder.Counts> counts = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.add(new CoverageBuilder.Counts(rs.getInt(1) == 1 ? null : rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return counts;
        }
    }

    private static List<String> knownVenues(Connection connection, Array scope) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(VENUES)) {
            select.setArray(1, scope);
            select.setArray(2, scope);
            List<String> venues = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    venues.add(rs.getString(1));
                }
            }
            return venues;
        }
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
