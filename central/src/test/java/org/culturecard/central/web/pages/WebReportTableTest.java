package org.culturecard.central.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.culturecard.central.report.EngagementReport;
import org.culturecard.central.report.Figures;
import org.junit.jupiter.api.Test;

/** The report page's lines and chart data: suppressed figures as [c] in the table, gaps (null) in the chart. */
class WebReportTableTest {

    @Test
    void suppressedFiguresAreMarkedAndLeftOutOfTheChart() {
        Figures shown = new Figures("2026-01", 42L, 12L, 0.25, 1.5, List.of());
        Figures hidden = new Figures("2026-02", null, null, null, null, List.of("checkIns", "people", "repeatRate", "breadthMean"));
        Figures total = new Figures(EngagementReport.TOTAL, 50L, null, null, null, List.of("people", "repeatRate", "breadthMean"));
        EngagementReport.Row row = new EngagementReport.Row("v1", List.of(shown, hidden), total);
        EngagementReport.Row all = new EngagementReport.Row(EngagementReport.TOTAL, List.of(shown, hidden), total);
        EngagementReport report = new EngagementReport("venue", "month", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 1),
                EngagementReport.RULE, List.of("2026-01", "2026-02"), List.of(row), all);
        ReportTable table = ReportTable.of(report);
        assertThat(table.lines()).first().isEqualTo(new ReportTable.Line("v1", "2026-01", "42", "12", "0.25", "1.50"));
        assertThat(table.lines().get(1)).isEqualTo(new ReportTable.Line("v1", "2026-02", "[c]", "[c]", "[c]", "[c]"));
        assertThat(table.lines().get(2)).isEqualTo(new ReportTable.Line("v1", "ALL", "50", "[c]", "[c]", "[c]"));
        assertThat(table.lines()).hasSize(6).last().isEqualTo(new ReportTable.Line("ALL", "ALL", "50", "[c]", "[c]", "[c]"));
        assertThat(table.anySuppressed()).isTrue();
        assertThat(table.chartJson()).isEqualTo("{\"periods\":[\"2026-01\",\"2026-02\"],\"series\":[{\"name\":\"v1\",\"data\":[42,null]},"
                + "{\"name\":\"ALL\",\"data\":[42,null]}]}");
    }
}
