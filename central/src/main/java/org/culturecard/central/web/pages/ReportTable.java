package org.culturecard.central.web.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.culturecard.central.report.EngagementReport;
import org.culturecard.central.report.Figures;
import org.culturecard.central.report.ReportFormats;

/**
 * An engagement report as the page shows it: one line per group and period (as the CSV has them),
 * every suppressed figure as {@value ReportFormats#SUPPRESSED}, and the chart's data (check-ins
 * per period, one series per group and one for the total, a suppressed cell a gap) as JSON for ECharts.
 */
public record ReportTable(String by, List<String> periods, List<Line> lines, boolean anySuppressed, String chartJson) {

    /** One group's figures in one period (or {@code ALL} for its total). */
    public record Line(String group, String period, String checkIns, String people, String repeatRate, String breadthMean) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public ReportTable {
        periods = List.copyOf(periods);
        lines = List.copyOf(lines);
    }

    /** The page's view of {@code report}. */
    public static ReportTable of(EngagementReport report) {
        List<Line> lines = new ArrayList<>();
        boolean suppressed = false;
        List<Map<String, Object>> series = new ArrayList<>();
        List<EngagementReport.Row> rows = new ArrayList<>(report.rows());
        rows.add(report.total());
        for (EngagementReport.Row row : rows) {
            suppressed |= addLines(lines, row);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", row.group());
            one.put("data", row.cells().stream().map(Figures::checkIns).toList());
            series.add(one);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("periods", report.periods());
        chart.put("series", series);
        try {
            return new ReportTable(report.by(), report.periods(), lines, suppressed, JSON.writeValueAsString(chart));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the chart data", e);
        }
    }

    /** Adds the row's lines (each period, then its total); true when any figure in them is suppressed. */
    private static boolean addLines(List<Line> lines, EngagementReport.Row row) {
        boolean suppressed = false;
        List<Figures> cells = new ArrayList<>(row.cells());
        cells.add(row.total());
        for (Figures cell : cells) {
            lines.add(line(row.group(), cell));
            suppressed |= !cell.suppressed().isEmpty();
        }
        return suppressed;
    }

    private static Line line(String group, Figures f) {
        return new Line(group, f.period(), number(f.checkIns()), number(f.people()), rate(f.repeatRate()), rate(f.breadthMean()));
    }

    static String number(Long value) {
        return value == null ? ReportFormats.SUPPRESSED : value.toString();
    }

    static String rate(Double value) {
        return value == null ? ReportFormats.SUPPRESSED : String.format(Locale.ROOT, "%.2f", value);
    }
}
