package org.culturecard.central.web.pages;

/** What the report form shows: the values asked for, or the defaults (by venue, by month, this year so far). */
public record ReportForm(String by, String period, String from, String to) {

    /** The form's values from the query, a default for each one missing. */
    public static ReportForm of(String by, String period, String from, String to) {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        return new ReportForm(by == null ? "venue" : by, period == null ? "month" : period,
                from == null ? today.withDayOfYear(1).toString() : from, to == null ? today.plusDays(1).toString() : to);
    }
}
