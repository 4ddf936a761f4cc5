package org.culturecard.central.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A published engagement report: one row per group, one cell per period, each row's total over
 * the periods, and the total row. Built only by {@link ReportBuilder}, so every figure in it has
 * been through {@link Suppression}.
 */
public record EngagementReport(String by, String period, LocalDate from, LocalDate to, String suppressionRule,
        List<String> periods, List<Row> rows, Row total) {

    public static final String TOTAL = "ALL";
    public static final String RULE = "Counts under " + Suppression.THRESHOLD + " (zero included) are suppressed,"
            + " and further cells are suppressed so that none can be worked out from the row and column totals"
            + " and the suppressed cells of any row or column add up to at least " + Suppression.THRESHOLD + ";"
            + " rates are suppressed unless the people, the repeaters and the one-time visitors behind them are all published.";

    public EngagementReport {
        periods = List.copyOf(periods);
        rows = List.copyOf(rows);
    }

    /** A group's cells, one per period, and its total over the periods. */
    public record Row(String group, List<Figures> cells, Figures total) {
        public Row {
            cells = List.copyOf(cells);
        }
    }
}
