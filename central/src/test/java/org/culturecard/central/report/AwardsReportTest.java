package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwardsReportTest {

    private static final List<LocalDate> MONTHS = List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1));

    @Test
    void smallCountsAndTheCellsThatWouldRevealThemAreSuppressed() {
        AwardsReport report = AwardsReport.build("achievement", Period.MONTH, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 1),
                List.of("gallery-goer", "young-guide"), MONTHS, new long[][] {{40, 30}, {3, 25}});
        // the 3, then 25 beside it (its row total would give it away), then 40 and 30 above them (the column totals)
        assertThat(report.rows().get(1).awards()).containsExactly(null, null);
        assertThat(report.rows().get(0).awards()).containsExactly(null, null);
        assertThat(report.rows().get(1).total()).isEqualTo(28L);
        assertThat(report.total().awards()).containsExactly(43L, 55L);
        assertThat(report.csv()).startsWith("achievement,period,awards\ngallery-goer,2027-01,[c]\ngallery-goer,2027-02,[c]\n"
                + "gallery-goer,ALL,70\n").endsWith("ALL,ALL,98\n");
        assertThat(report.json()).contains("\"group\":\"young-guide\",\"awards\":[null,null],\"total\":28");
    }

    @Test
    void aReportOfNothingPublishesNoCount() {
        AwardsReport report = AwardsReport.build("venue", Period.WEEK, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 11),
                List.of("museum"), MONTHS.subList(0, 1), new long[][] {{0}});
        assertThat(Arrays.asList(report.total().total(), report.rows().get(0).total())).containsOnlyNulls();
    }
}
