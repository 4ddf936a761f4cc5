package org.culturecard.central.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** Which engagement report: rows by {@code by}, columns by {@code period}, taps from {@code from} to before {@code to} (UTC days). */
public record ReportSpec(Dimension by, Period period, LocalDate from, LocalDate to) {

    /** At most this many days in one report (about five years). */
    public static final long MAX_DAYS = 5 * 366;
    /** The earliest day a report may start: nothing the scheme stores is older. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** The latest day a report may end: far enough ahead, and well inside PostgreSQL's dates. */
    public static final LocalDate LATEST = LocalDate.of(2200, 1, 1);

    public ReportSpec {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isBefore(EARLIEST) || to.isAfter(LATEST)) {
            throw new IllegalArgumentException("from and to must lie between " + EARLIEST + " and " + LATEST);
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new IllegalArgumentException("a report covers at most " + MAX_DAYS + " days");
        }
    }

    /** Parses the codes used by the CLI and the API. */
    public static ReportSpec parse(String by, String period, String from, String to) {
        try {
            return new ReportSpec(Dimension.fromCode(by), Period.fromCode(period == null ? "month" : period),
                    LocalDate.parse(Objects.requireNonNull(from, "from is required (yyyy-mm-dd)")),
                    LocalDate.parse(Objects.requireNonNull(to, "to is required (yyyy-mm-dd)")));
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
