package org.culturecard.central.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.culturecard.central.store.Transactions;

/**
 * Runs engagement reports on PostgreSQL, then {@link ReportBuilder} suppresses.
 *
 * <p>Reports on central's own dimensions (venue, event, sector, activity, mode) read the per-day
 * rollup ({@code report_rollup}: check-ins and bitmaps of person ids per day, venue and event),
 * after {@link RollupRefresher} has rebuilt the dirty days in the range, so they reflect every
 * check-in committed before the report began; {@link RollupCells} folds the rows in Java. This
 * reads about one row per day, venue and event instead of de-duplicating tokens over every
 * check-in, which took about a minute for 10 million check-ins.
 *
 * <p>Linked reports, and {@link #sqlReport} (the reference the rollup is tested against), run one
 * aggregate query with grouping sets over {@code check_ins} that computes every cell and margin
 * (check-ins, distinct people, repeaters, breadth), people being tokens mapped to their canonical
 * person as the rollup maps them (ADR 30). For linked reports the council's rows are
 * loaded into a temporary table that lives only inside the report's transaction ({@code ON COMMIT
 * DROP}, and dropped by the rollback on failure); only aggregates leave the database. A check-in
 * whose tap time is implausible (ADR 9) is in no report: its time is not known.
 */
public final class ReportQueries {

    /**
     * Each check-in's Taking Part category becomes one bit (categories are sector plus arts
     * activity: at most 15), so breadth over any margin is a {@code bit_or} and a bit count,
     * instead of a {@code count(DISTINCT)} per grouping set. Check-ins are first folded to one row
     * per person and cell, then rolled up to the margins.
     */
    private static final String CELLS = """
            WITH cat AS (
                SELECT event_id, (1::bigint << (dense_rank() OVER (ORDER BY sector, coalesce(arts_activity, '')) - 1)::int) AS bit
                FROM events
            ), base AS (
                SELECT coalesce(coalesce(p.canonical_id, p.person_id)::text, c.token) COLLATE "C" AS token, (%s) COLLATE "C" AS grp, date_trunc('%s', c.tapped_at AT TIME ZONE 'UTC')::date AS period,
                       coalesce(b.bit, 0) AS bit
                FROM check_ins c
                LEFT JOIN people p ON p.token = c.token
                LEFT JOIN events e ON e.event_id = c.event_id
                LEFT JOIN cat b ON b.event_id = c.event_id
                %s
                WHERE c.tapped_at >= ? AND c.tapped_at < ? AND c.time_basis <> 'implausible'
                  AND (p.lost_at IS NULL OR c.tapped_at < p.lost_at)
                  AND (? OR EXISTS (SELECT 1 FROM person_validity v WHERE v.person_id = coalesce(p.canonical_id, p.person_id)
                       AND (v.from_day IS NULL OR v.from_day <= (c.tapped_at AT TIME ZONE 'UTC')::date)
                       AND (c.tapped_at AT TIME ZONE 'UTC')::date <= v.until_day))
            ), cell AS (
                SELECT token, grp, period, count(*) AS n, bit_or(bit) AS mask FROM base GROUP BY token, grp, period
            ), person AS (
                SELECT GROUPING(grp, period) AS lvl, grp, period, sum(n) AS n, bit_or(mask) AS mask
                FROM cell
                GROUP BY GROUPING SETS ((grp, period, token), (grp, token), (period, token), (token))
            )
            SELECT lvl, grp, period, sum(n), count(*), count(*) FILTER (WHERE n >= 2),
                   sum(length(replace(mask::bit(64)::text, '0', '')))
            FROM person GROUP BY lvl, grp, period""";

    private static final String ROLLUP_ROWS =
            "SELECT day, venue_id, event_id, check_ins, seen, twice FROM report_rollup WHERE day >= ? AND day < ?"
                    + " AND (?::text[] IS NULL OR venue_id = ANY(?::text[])) AND (verified OR ?)";

    /** Work inside one transaction of the report's connection. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final RollupRefresher refresher;

    public ReportQueries(DataSource dataSource) {
        this(dataSource, new RollupRefresher(dataSource));
    }

    ReportQueries(DataSource dataSource, RollupRefresher refresher) {
        this.dataSource = dataSource;
        this.refresher = refresher;
    }

    /** A report on central's own data, from the rollup; {@code spec.by()} must not be a linked dimension. */
    public EngagementReport report(ReportSpec spec) {
        return report(spec, null);
    }

    /**
     * The same report on the check-ins of {@code venues} only (a venue manager's view; null: every
     * venue). Its groups are only those venues' (by venue) or events (by event).
     */
    public EngagementReport report(ReportSpec spec, Set<String> venues) {
        requireUnlinked(spec);
        refresher.refresh(spec.from(), spec.to());
        String[] scope = venues == null ? null : venues.toArray(String[]::new);
        return inTransaction(connection -> ReportBuilder.build(spec, knownGroups(connection, spec.by(), scope),
                rollupCells(connection, spec, scope)));
    }

    /** Enrolment coverage by venue from {@code from} to before {@code to} at {@code venues} (null: every venue). */
    public CoverageReport coverage(LocalDate from, LocalDate to, Set<String> venues) {
        return new CoverageQueries(dataSource).report(from, to, venues);
    }

    /**
     * The same report from the aggregate query over every check-in in the range: the reference
     * the rollup is tested against, and the benchmark's comparison. Slow on large data.
     */
    public EngagementReport sqlReport(ReportSpec spec) {
        requireUnlinked(spec);
        return run(spec, connection -> cells(connection, spec));
    }

    /** The rollup's raw cells (dirty days refreshed first), for tests. */
    List<ReportCell> rollupCells(ReportSpec spec) {
        requireUnlinked(spec);
        refresher.refresh(spec.from(), spec.to());
        return inTransaction(connection -> rollupCells(connection, spec, null));
    }

    /** The aggregate query's raw cells, for tests. */
    List<ReportCell> sqlCells(ReportSpec spec) {
        requireUnlinked(spec);
        return inTransaction(connection -> cells(connection, spec));
    }

    private static void requireUnlinked(ReportSpec spec) {
        if (spec.by().linked()) {
            throw new IllegalArgumentException("a report by " + spec.by().code() + " needs the council's linkage file");
        }
    }

    /** A report broken down by an attribute from the council's linkage file. */
    public EngagementReport linkedReport(ReportSpec spec, List<LinkageRow> linkage) {
        if (!spec.by().linked()) {
            throw new IllegalArgumentException("a linked report is by one of " + Dimension.codes(true));
        }
        return run(spec, connection -> {
            loadLinkage(connection, linkage);
            return cells(connection, spec);
        });
    }

    /** Reads the cells from {@code source} and the dimension's known groups in one transaction, then suppresses. */
    private EngagementReport run(ReportSpec spec, SqlWork<List<ReportCell>> source) {
        return inTransaction(connection -> {
            List<ReportCell> cells = source.run(connection);
            return ReportBuilder.build(spec, knownGroups(connection, spec.by(), null), cells);
        });
    }

    private <T> T inTransaction(SqlWork<T> work) {
        try {
            return Transactions.run(dataSource, work::run);
        } catch (SQLException e) {
            throw new IllegalStateException("report failed: " + e.getMessage(), e);
        }
    }

    /** Folds the range's rollup rows into cells (the caller has refreshed the range's dirty days). */
    private static List<ReportCell> rollupCells(Connection connection, ReportSpec spec, String[] venues) throws SQLException {
        Map<UUID, EventAttributes> events = new HashMap<>();
        int categories = events(connection, events);
        RollupCells cells = new RollupCells(spec, events, categories);
        try (PreparedStatement select = connection.prepareStatement(ROLLUP_ROWS)) {
            select.setFetchSize(10_000);
            select.setObject(1, spec.from());
            select.setObject(2, spec.to());
            java.sql.Array scope = venues == null ? null : connection.createArrayOf("text", venues);
            select.setArray(3, scope);
            select.setArray(4, scope);
            select.setBoolean(5, spec.unverified() == ReportSpec.Unverified.INCLUDE);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    cells.add(new RollupRow(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getLong(4), RollupRow.deserialise(rs.getBytes(5)), RollupRow.deserialise(rs.getBytes(6))));
                }
            }
        }
        return cells.cells();
    }

    /**
     * Fills {@code into} with every event's attributes and returns the number of Taking Part
     * categories; a category is a distinct (sector, arts activity) pair, as in {@link #CELLS}.
     */
    private static int events(Connection connection, Map<UUID, EventAttributes> into) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT event_id, sector, arts_activity, mode,"
                     + " dense_rank() OVER (ORDER BY sector, coalesce(arts_activity, '')) - 1 FROM events")) {
            int categories = 0;
            while (rs.next()) {
                int category = rs.getInt(5);
                into.put(rs.getObject(1, UUID.class), new EventAttributes(rs.getString(2), rs.getString(3), rs.getString(4),
                        category));
                categories = Math.max(categories, category + 1);
            }
            return categories;
        }
    }

    private static void loadLinkage(Connection connection, List<LinkageRow> linkage) throws SQLException {
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE TEMP TABLE linkage (token text PRIMARY KEY, age_band text, imd_decile integer,"
                    + " pupil_premium boolean) ON COMMIT DROP");
        }
        int chunk = 50_000;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO linkage SELECT * FROM unnest(?::text[], ?::text[], ?::integer[], ?::boolean[])")) {
            for (int from = 0; from < linkage.size(); from += chunk) {
                List<LinkageRow> part = linkage.subList(from, Math.min(linkage.size(), from + chunk));
                insert.setArray(1, connection.createArrayOf("text", part.stream().map(LinkageRow::token).toArray()));
                insert.setArray(2, connection.createArrayOf("text", part.stream().map(LinkageRow::ageBand).toArray()));
                insert.setArray(3, connection.createArrayOf("int4", part.stream().map(LinkageRow::imdDecile).toArray()));
                insert.setArray(4, connection.createArrayOf("bool", part.stream().map(LinkageRow::pupilPremium).toArray()));
                insert.executeUpdate();
            }
        }
        try (Statement analyse = connection.createStatement()) {
            analyse.execute("ANALYZE linkage");
        }
    }

    /** The aggregate query for {@code spec} (parameters: from and to as timestamptz, then include-unverified); public for EXPLAIN in benchmarks. */
    public static String cellsSql(ReportSpec spec) {
        String join = spec.by().linked() ? Dimension.Grouping.Linked.JOIN : "";
        return String.format(CELLS, spec.by().grouping().sql(), spec.period().code(), join);
    }

    private static List<ReportCell> cells(Connection connection, ReportSpec spec) throws SQLException {
        String sql = cellsSql(spec);
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, OffsetDateTime.of(spec.from().atStartOfDay(), ZoneOffset.UTC));
            select.setObject(2, OffsetDateTime.of(spec.to().atStartOfDay(), ZoneOffset.UTC));
            select.setBoolean(3, spec.unverified() == ReportSpec.Unverified.INCLUDE);
            try (ResultSet rs = select.executeQuery()) {
                List<ReportCell> cells = new ArrayList<>();
                while (rs.next()) {
                    int level = rs.getInt(1);
                    String group = (level & 2) != 0 ? null : rs.getString(2);
                    LocalDate period = (level & 1) != 0 ? null : rs.getObject(3, LocalDate.class);
                    cells.add(new ReportCell(group, period, rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                }
                return cells;
            }
        }
    }

    /** The groups listed even when empty; by venue or event, only {@code venues}' ones when that is not null. */
    private static List<String> knownGroups(Connection connection, Dimension by, String[] venues) throws SQLException {
        Dimension.KnownGroups known = by.knownGroups();
        if (known instanceof Dimension.KnownGroups.Queried queried) {
            return strings(connection, queried.sql(), venues);
        }
        return ((Dimension.KnownGroups.Fixed) known).groups();
    }

    private static List<String> strings(Connection connection, String sql, String[] venues) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql + " WHERE (?::text[] IS NULL OR venue_id = ANY(?::text[]))")) {
            java.sql.Array scope = venues == null ? null : connection.createArrayOf("text", venues);
            statement.setArray(1, scope);
            statement.setArray(2, scope);
            return strings(statement);
        }
    }

    private static List<String> strings(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
