package org.culturecard.core.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.culturecard.core.event.Coded;

/** The period of a streak, read in Europe/London: an ISO week (Monday to Sunday) or a calendar month. */
public enum StreakUnit implements Coded {
    ISO_WEEK("iso-week"),
    MONTH("month");

    /** The zone in which weeks and months begin. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final String code;

    StreakUnit(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The unit for {@code code}; an {@link IllegalArgumentException} for any other. */
    public static StreakUnit fromCode(String code) {
        return Coded.fromCode(StreakUnit.class, code);
    }

    /** A number per period, consecutive periods consecutive numbers. */
    long period(Instant moment) {
        LocalDate day = LocalDate.ofInstant(moment, ZONE);
        if (this == MONTH) {
            return day.getYear() * 12L + day.getMonthValue() - 1;
        }
        LocalDate monday = day.minusDays(day.getDayOfWeek().getValue() - 1L);
        return Math.floorDiv(monday.toEpochDay(), 7);
    }
}
