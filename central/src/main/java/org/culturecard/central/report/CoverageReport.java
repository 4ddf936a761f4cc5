package org.culturecard.central.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Enrolment coverage by venue (issue 13 item 6): the people seen at each venue from {@code from}
 * to before {@code to} (UTC days), split into those with a valid enrolment on a day they tapped
 * there ({@code registered}) and those whose taps there were all unverified (never enrolled, or
 * expired and not enrolled again): {@code seen = registered + unverified}. Built only by
 * {@link CoverageBuilder}, so every count has been through {@link Suppression}.
 */
public record CoverageReport(LocalDate from, LocalDate to, String suppressionRule, List<Row> rows, Row total) {

    public static final String RULE = EngagementReport.RULE.substring(0, EngagementReport.RULE.indexOf(" rates are"));

    public CoverageReport {
        rows = List.copyOf(rows);
    }

    /** One venue's counts (null: suppressed, and named in {@code suppressed}). */
    public record Row(String venue, Long seen, Long registered, Long unverified, List<String> suppressed) {
        public Row {
            suppressed = List.copyOf(suppressed);
        }
    }
}
