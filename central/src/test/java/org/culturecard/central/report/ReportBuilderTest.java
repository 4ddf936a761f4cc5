package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private static final ReportSpec SPEC = new ReportSpec(Dimension.VENUE, Period.MONTH, LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 3, 1));
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2026, 2, 1);

    @Test
    void publishesBigCellsWithRatesAndSuppressesAGroupWithoutCheckIns() {
        List<ReportCell> cells = List.of(
                new ReportCell("v1", JAN, 100, 40, 20, 60), new ReportCell("v1", FEB, 120, 50, 30, 55),
                new ReportCell("v2", JAN, 80, 30, 12, 30), new ReportCell("v2", FEB, 90, 35, 15, 40),
                new ReportCell("v1", null, 220, 70, 45, 100), new ReportCell("v2", null, 170, 50, 25, 60),
                new ReportCell(null, JAN, 180, 60, 30, 80), new ReportCell(null, FEB, 210, 70, 40, 90),
                new ReportCell(null, null, 390, 100, 60, 150));
        EngagementReport report = ReportBuilder.build(SPEC, List.of("v1", "v2", "v3"), cells);

        assertThat(report.periods()).containsExactly("2026-01", "2026-02");
        Figures v1Jan = report.rows().get(0).cells().get(0);
        assertThat(v1Jan.checkIns()).isEqualTo(100);
        assertThat(v1Jan.people()).isEqualTo(40);
        assertThat(v1Jan.repeatRate()).isEqualTo(0.5);
        assertThat(v1Jan.breadthMean()).isEqualTo(1.5);
        assertThat(v1Jan.suppressed()).isEmpty();
        EngagementReport.Row v3 = report.rows().get(2);
        assertThat(v3.group()).isEqualTo("v3");
        assertThat(v3.total().checkIns()).as("a zero is suppressed too").isNull();
        assertThat(v3.total().suppressed()).contains("checkIns", "people", "repeatRate", "breadthMean");
        assertThat(report.total().total().checkIns()).isEqualTo(390);
    }

    @Test
    void suppressesTheRateWhenTheOneTimeVisitorsAreFew() {
        List<ReportCell> cells = List.of(new ReportCell("v1", JAN, 300, 100, 95, 100),
                new ReportCell("v1", FEB, 300, 100, 50, 100), new ReportCell("v1", null, 600, 150, 120, 200),
                new ReportCell(null, JAN, 300, 100, 95, 100), new ReportCell(null, FEB, 300, 100, 50, 100),
                new ReportCell(null, null, 600, 150, 120, 200));
        EngagementReport report = ReportBuilder.build(SPEC, List.of("v1"), cells);
        Figures jan = report.rows().get(0).cells().get(0);
        assertThat(jan.people()).isEqualTo(100);
        assertThat(jan.repeatRate()).as("5 one-time visitors would follow from the rate").isNull();
        assertThat(jan.suppressed()).containsExactly("repeatRate");
    }

    @Test
    void writesSuppressedFiguresAsTheSameMarkInCsv() {
        EngagementReport report = ReportBuilder.build(SPEC, List.of("v1"), List.of(new ReportCell("v1", JAN, 3, 2, 1, 2),
                new ReportCell("v1", null, 3, 2, 1, 2), new ReportCell(null, JAN, 3, 2, 1, 2), new ReportCell(null, null, 3, 2, 1, 2)));
        String csv = ReportFormats.csv(report);
        assertThat(csv).startsWith("venue,period,check_ins,people,repeat_rate,breadth_mean\n");
        assertThat(csv).contains("v1,2026-01,[c],[c],[c],[c]\n", "ALL,ALL,[c],[c],[c],[c]\n");
        assertThat(ReportFormats.json(report)).contains("\"checkIns\":null", "\"suppressed\":[\"checkIns\"");
    }
}
