package org.culturecard.central.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Which engagement report: rows by {@code by}, columns by {@code period}, taps from {@code from} to
 * before {@code to} (UTC days), with or without the {@code unverified} taps of cards not (or no
 * longer) enrolled (ADR 30; default {@link Unverified#INCLUDE}).
 */
public record ReportSpec(Dimension by, Period period, LocalDate from, LocalDate to, Unverified unverified) {

    /** Whether taps of cards that are not validly enrolled on the day count. */
    public enum Unverified {
        INCLUDE, EXCLUDE;

        /** {@code include} or {@code exclude}; null is the default, include. */
        public static Unverified fromCode(String code) {
            if (code == null || "include".equals(code)) {
                return INCLUDE;
            }
            if ("exclude".equals(code)) {
                return EXCLUDE;
            }
            throw new IllegalArgumentException("unverified is include or exclude, not " + code);
        }
    }

    /** At most this many days in one report (about five years). */
    public static final long MAX_DAYS = 5 * 366;
    /** The earliest day a report may start: nothing the scheme stores is older. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** The latest day a report may end: far enough ahead, and well inside PostgreSQL's dates. */
    public static final LocalDate LATEST = LocalDate.of(2200, 1, 1);

    /** A report that includes unverified taps (the default). */
    public ReportSpec(Dimension by, Period period, LocalDate from, LocalDate to) {
        this(by, period, from, to, Unverified.INCLUDE);
    }

    public ReportSpec {
        Objects.requireNonNull(unverified, "unverified");
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
        return parse(by, period, from, to, null);
    }

    /** Parses the codes used by the CLI and the API, {@code unverified} included (null: include). */
    public static ReportSpec parse(String by, String period, String from, String to, String unverified) {
        try {
            return new ReportSpec(Dimension.fromCode(by), Period.fromCode(period == null ? "month" : period),
                    LocalDate.parse(Objects.requireNonNull(from, "from is required (yyyy-mm-dd)")),
                    LocalDate.parse(Objects.requireNonNull(to, "to is required (yyyy-mm-dd)")), Unverified.fromCode(unverified));
        } catch (java.time.format.DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
