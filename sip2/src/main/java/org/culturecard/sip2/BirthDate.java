package org.culturecard.sip2;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * A card holder's birth date as the library system reported it, held in memory only so that the
 * caller can derive an age band; it is never stored, sent or logged, so {@link #toString()} hides
 * it. Use {@link #ageOn(LocalDate)} rather than reading the date where an age is all you need.
 */
public record BirthDate(LocalDate date) {
    public BirthDate {
        Objects.requireNonNull(date, "date");
    }

    /** Whole years of age on {@code day} (0 before the first birthday; negative never: a future date gives 0). */
    public int ageOn(LocalDate day) {
        return day.isBefore(date) ? 0 : Period.between(date, day).getYears();
    }

    @Override
    public String toString() {
        return "BirthDate[masked]";
    }
}
