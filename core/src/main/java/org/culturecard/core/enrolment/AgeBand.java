package org.culturecard.core.enrolment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.culturecard.core.event.Coded;

/**
 * A card holder's age band, derived in memory from the birth date the library system gives at
 * enrolment; the birth date is then discarded, and only the band and the month it next changes are
 * kept and sent (ADR 0025). Taking Part's child bands 5-10 and 11-15, then
 * 16-19 and 20-24 (the Region of Learning reaches 15 to 24), with a band either side of the
 * scheme's 5 to 24 so that every holder has one.
 *
 * <p>Not {@link org.culturecard.core.event.AgeBand}, which is the audience an event is meant for.
 * Ages are whole years as UK law counts them: someone born on 29 February turns a year older on
 * 1 March in a common year.
 */
public enum AgeBand implements Coded {
    UNDER_5("under-5", 0),
    AGE_5_10("5-10", 5),
    AGE_11_15("11-15", 11),
    AGE_16_19("16-19", 16),
    AGE_20_24("20-24", 20),
    AGE_25_PLUS("25-plus", 25);

    /** The zone in which "today" is read, for the scheme's holders and reports alike. */
    public static final ZoneId SCHEME_ZONE = ZoneId.of("Europe/London");

    private final String code;
    private final int fromAge;

    AgeBand(String code, int fromAge) {
        this.code = code;
        this.fromAge = fromAge;
    }

    /** The band's wire code, e.g. {@code 5-10}. */
    @Override
    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static AgeBand fromCode(String code) {
        return Coded.fromCode(AgeBand.class, code);
    }

    /** True for the scheme's young people, 5 to 24: the bands a report counts. */
    public boolean countsAsYoungPerson() {
        return this != UNDER_5 && this != AGE_25_PLUS;
    }

    /** The band of someone {@code years} old. */
    public static AgeBand forAge(int years) {
        if (years < 0) {
            throw new IllegalArgumentException("an age is at least 0, not " + years);
        }
        AgeBand band = UNDER_5;
        for (AgeBand candidate : values()) {
            if (years >= candidate.fromAge) {
                band = candidate;
            }
        }
        return band;
    }

    /** The band after this one, or empty for the last. */
    public Optional<AgeBand> next() {
        int index = ordinal() + 1;
        return index < values().length ? Optional.of(values()[index]) : Optional.empty();
    }

    /**
     * The band of someone born on {@code birthDate}, today in {@link #SCHEME_ZONE} at {@code now},
     * and the month it next changes.
     *
     * @return empty when the birth date is after today (a library system's mistake: no band rather
     *     than a guess)
     */
    public static Optional<Reading> of(LocalDate birthDate, Instant now) {
        return of(birthDate, LocalDate.ofInstant(now, SCHEME_ZONE));
    }

    /**
     * The band of someone born on {@code birthDate} on {@code today}, and the month it next changes.
     *
     * @return empty when the birth date is after today
     */
    public static Optional<Reading> of(LocalDate birthDate, LocalDate today) {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(today, "today");
        if (birthDate.isAfter(today)) {
            return Optional.empty();
        }
        AgeBand band = forAge(ageOn(birthDate, today));
        YearMonth changesIn = band.next()
                .map(next -> YearMonth.from(birthday(birthDate, next.fromAge)))
                .orElse(null);
        return Optional.of(new Reading(band, changesIn));
    }

    /** Whole years from {@code birthDate} to {@code day}. */
    static int ageOn(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** The day someone born on {@code birthDate} turns {@code years} old (29 February: 1 March in a common year). */
    private static LocalDate birthday(LocalDate birthDate, int years) {
        LocalDate day = birthDate.plusYears(years);
        return ageOn(birthDate, day) < years ? day.plusDays(1) : day;
    }

    /**
     * A band as read on one day: what is kept of a birth date.
     *
     * @param band      the band on that day
     * @param changesIn the month in which the band next changes (the holder's birthday is in it;
     *                  the day is not kept), or null for {@link #AGE_25_PLUS}, which never changes
     */
    public record Reading(AgeBand band, YearMonth changesIn) {
        public Reading {
            Objects.requireNonNull(band, "band");
            if ((changesIn == null) != band.next().isEmpty()) {
                throw new IllegalArgumentException("a band changes in some month unless it is the last");
            }
        }

        /** The month in which the band next changes, or empty when it never does. */
        public Optional<YearMonth> nextChange() {
            return Optional.ofNullable(changesIn);
        }
    }
}
