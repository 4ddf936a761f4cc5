package org.culturecard.central.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Locale;

/**
 * Writes a report as JSON (suppressed figures are {@code null} and named in {@code suppressed}) or
 * as long-format CSV, one line per group and period, with {@value #SUPPRESSED} for a suppressed
 * figure (the ONS convention: the same mark for primary and secondary suppression, so the mark
 * does not say which cells are small) and {@code ALL} for totals.
 */
public final class ReportFormats {

    public static final String SUPPRESSED = "[c]";
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private ReportFormats() {
    }

    public static String json(EngagementReport report) {
        return write(report);
    }

    public static String json(CoverageReport report) {
        return write(report);
    }

    private static String write(Object report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    /** The coverage report as CSV: one line per venue, then {@code ALL}. */
    public static String csv(CoverageReport report) {
        StringBuilder out = new StringBuilder("venue_id,from,to,seen,registered,unverified\n");
        List<CoverageReport.Row> rows = new java.util.ArrayList<>(report.rows());
        rows.add(report.total());
        for (CoverageReport.Row row : rows) {
            out.append(quote(row.venue())).append(',').append(report.from()).append(',').append(report.to()).append(',')
                    .append(value(row.seen())).append(',').append(value(row.registered())).append(',')
                    .append(value(row.unverified())).append('\n');
        }
        return out.toString();
    }

    public static String csv(EngagementReport report) {
        StringBuilder out = new StringBuilder(Dimension.fromCode(report.by()).csvColumn())
                .append(",period,check_ins,people,repeat_rate,breadth_mean\n");
        for (EngagementReport.Row row : report.rows()) {
            append(out, row);
        }
        append(out, report.total());
        return out.toString();
    }

    private static void append(StringBuilder out, EngagementReport.Row row) {
        for (Figures cell : row.cells()) {
            line(out, row.group(), cell);
        }
        line(out, row.group(), row.total());
    }

    private static void line(StringBuilder out, String group, Figures f) {
        out.append(quote(group)).append(',').append(f.period()).append(',').append(value(f.checkIns())).append(',')
                .append(value(f.people())).append(',').append(value(f.repeatRate())).append(',')
                .append(value(f.breadthMean())).append('\n');
    }

    private static String value(Number n) {
        if (n == null) {
            return SUPPRESSED;
        }
        return n instanceof Double d ? String.format(Locale.ROOT, "%s", d) : n.toString();
    }

    private static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
