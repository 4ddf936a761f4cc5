package org.culturecard.central.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A report's columns: ISO weeks (Monday to Sunday, UTC) or calendar months. */
public enum Period {
    WEEK("week"),
    MONTH("month");

    private final String code;

    Period(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The first day of the period holding {@code day}. */
    public LocalDate startOf(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    /** Every period start from the one holding {@code from} up to before {@code to}. */
    public List<LocalDate> starts(LocalDate from, LocalDate to) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate d = startOf(from); d.isBefore(to); d = this == WEEK ? d.plusWeeks(1) : d.plusMonths(1)) {
            starts.add(d);
        }
        return starts;
    }

    /** {@code 2026-W10} or {@code 2026-03}. */
    public String label(LocalDate start) {
        if (this == WEEK) {
            return String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        return String.format(Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
    }

    public static Period fromCode(String code) {
        String wanted = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report period '" + code + "'; week or month"));
    }
}
