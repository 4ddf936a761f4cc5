package org.culturecard.central.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Awards by achievement or venue (the venue of the check-in that completed each) and period (of that
 * check-in, UTC), with totals, every count suppressed by {@link Suppression} as every other figure
 * is (a suppressed count is null in JSON and {@value ReportFormats#SUPPRESSED} in CSV).
 *
 * @param rows one per group, each with one count per period and its total
 */
public record AwardsReport(String by, String period, LocalDate from, LocalDate to, String rule, List<String> periods,
        List<Row> rows, Row total) {

    /** A group's awards per period, then its total; null where suppressed. */
    public record Row(String group, List<Long> awards, Long total) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Lays out {@code counts} ({@code [group][period]}) with margins and suppresses them. */
    static AwardsReport build(String by, Period period, LocalDate from, LocalDate to, List<String> groups,
            List<LocalDate> starts, long[][] counts) {
        int rows = groups.size();
        int cols = starts.size();
        long[][] grid = new long[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                grid[r][c] = counts[r][c];
                grid[r][cols] += counts[r][c];
                grid[rows][c] += counts[r][c];
                grid[rows][cols] += counts[r][c];
            }
        }
        boolean[][] hidden = Suppression.mask(grid);
        List<Row> out = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            List<Long> cells = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                cells.add(hidden[r][c] ? null : grid[r][c]);
            }
            out.add(new Row(r < rows ? groups.get(r) : EngagementReport.TOTAL, cells, hidden[r][cols] ? null : grid[r][cols]));
        }
        return new AwardsReport(by, period.code(), from, to, "counts under " + Suppression.THRESHOLD
                + " and the cells that would reveal them are suppressed", starts.stream().map(period::label).toList(),
                out.subList(0, rows), out.get(rows));
    }

    /** The report as JSON. */
    public String json() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    /** The report as long-format CSV: {@code group,period,awards}, the totals as {@code ALL}. */
    public String csv() {
        StringBuilder out = new StringBuilder(by.replace('-', '_')).append(",period,awards\n");
        List<Row> all = new ArrayList<>(rows);
        all.add(total);
        for (Row row : all) {
            for (int c = 0; c < periods.size(); c++) {
                line(out, row.group(), periods.get(c), row.awards().get(c));
            }
            line(out, row.group(), EngagementReport.TOTAL, row.total());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String group, String period, Long value) {
        out.append(group).append(',').append(period).append(',')
                .append(value == null ? ReportFormats.SUPPRESSED : String.format(Locale.ROOT, "%d", value)).append('\n');
    }
}
