package org.culturecard.central.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Counts awards for {@link AwardsReport}: by achievement ({@code achievement}) or by the venue of the
 * completing check-in ({@code venue}), per week or month of that check-in (UTC). Groups known
 * beforehand (the achievements defined, the venues with kiosks) are listed even without awards.
 */
public final class AwardsQueries {

    private static final String COUNTS = """
            SELECT %s, date_trunc('%s', completed_at AT TIME ZONE 'UTC')::date, count(*)
            FROM awards WHERE completed_at >= ? AND completed_at < ? GROUP BY 1, 2""";

    private final DataSource dataSource;

    public AwardsQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The suppressed report. {@code by} is {@code achievement} or {@code venue}; {@code achievements}
     * the ids defined now (listed when {@code by} is {@code achievement}).
     */
    public AwardsReport report(String by, String period, String from, String to, List<String> achievements) {
        if (!"achievement".equals(by) && !"venue".equals(by)) {
            throw new IllegalArgumentException("by is achievement or venue");
        }
        ReportSpec spec = ReportSpec.parse("venue", period == null ? "month" : period, from, to, null);
        Period unit = spec.period();
        List<LocalDate> starts = unit.starts(spec.from(), spec.to());
        String column = "achievement".equals(by) ? "achievement_id" : "venue_id";
        TreeSet<String> groups = new TreeSet<>();
        Map<String, Map<LocalDate, Long>> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            if ("achievement".equals(by)) {
                groups.addAll(achievements);
            } else {
                try (PreparedStatement venues = connection.prepareStatement("SELECT DISTINCT venue_id FROM kiosks");
                     ResultSet rs = venues.executeQuery()) {
                    while (rs.next()) {
                        groups.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement(String.format(COUNTS, column, unit == Period.WEEK
                    ? "week" : "month"))) {
                select.setObject(1, OffsetDateTime.of(spec.from().atStartOfDay(), ZoneOffset.UTC));
                select.setObject(2, OffsetDateTime.of(spec.to().atStartOfDay(), ZoneOffset.UTC));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        groups.add(rs.getString(1));
                        counts.computeIfAbsent(rs.getString(1), g -> new HashMap<>())
                                .merge(rs.getObject(2, LocalDate.class), rs.getLong(3), Long::sum);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("awards report failed: " + e.getSQLState(), e);
        }
        List<String> rows = new ArrayList<>(groups);
        long[][] grid = new long[rows.size()][starts.size()];
        for (int r = 0; r < rows.size(); r++) {
            Map<LocalDate, Long> row = counts.getOrDefault(rows.get(r), Map.of());
            for (int c = 0; c < starts.size(); c++) {
                grid[r][c] = row.getOrDefault(starts.get(c), 0L);
            }
        }
        return AwardsReport.build(by, unit, spec.from(), spec.to(), rows, starts, grid);
    }
}
