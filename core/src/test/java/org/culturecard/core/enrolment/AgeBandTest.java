package org.culturecard.core.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link AgeBand}: the band of a birth date on a day, and the month in which it next changes. */
class AgeBandTest {
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1940, 1, 1);

    @Property(tries = 500)
    void theBandNeverChangesBeforeTheGivenMonthAndDoesChangeInIt(
            @ForAll @IntRange(min = 0, max = 36_500) int bornDay, @ForAll @IntRange(min = 0, max = 12_000) int ageInDays) {
        LocalDate birth = FIRST_BIRTH.plusDays(bornDay);
        LocalDate today = birth.plusDays(ageInDays);
        AgeBand.Reading reading = AgeBand.of(birth, today).orElseThrow();

        assertThat(reading.band()).isEqualTo(AgeBand.forAge(AgeBand.ageOn(birth, today)));
        if (reading.nextChange().isEmpty()) {
            assertThat(reading.band()).isEqualTo(AgeBand.AGE_25_PLUS);
            assertThat(AgeBand.of(birth, today.plusYears(80)).orElseThrow().band()).isEqualTo(AgeBand.AGE_25_PLUS);
            return;
        }
        YearMonth month = reading.changesIn();
        for (LocalDate day = today; day.isBefore(month.atDay(1)); day = day.plusDays(1)) {
            assertThat(AgeBand.of(birth, day).orElseThrow().band()).as("on %s, before %s", day, month)
                    .isEqualTo(reading.band());
        }
        AgeBand atMonthEnd = AgeBand.of(birth, month.atEndOfMonth()).orElseThrow().band();
        assertThat(atMonthEnd).as("at the end of %s", month).isEqualTo(reading.band().next().orElseThrow());
    }

    @Property(tries = 300)
    void onlyFiveToTwentyFourCountAsYoungPeople(@ForAll @IntRange(min = 0, max = 120) int years) {
        assertThat(AgeBand.forAge(years).countsAsYoungPerson()).isEqualTo(years >= 5 && years <= 24);
    }

    @Test
    void theBandsAndTheirBoundaries() {
        assertThat(Arrays.stream(AgeBand.values()).map(AgeBand::code))
                .containsExactly("under-5", "5-10", "11-15", "16-19", "20-24", "25-plus");
        assertThat(AgeBand.forAge(0)).isEqualTo(AgeBand.UNDER_5);
        assertThat(AgeBand.forAge(4)).isEqualTo(AgeBand.UNDER_5);
        assertThat(AgeBand.forAge(5)).isEqualTo(AgeBand.AGE_5_10);
        assertThat(AgeBand.forAge(10)).isEqualTo(AgeBand.AGE_5_10);
        assertThat(AgeBand.forAge(11)).isEqualTo(AgeBand.AGE_11_15);
        assertThat(AgeBand.forAge(15)).isEqualTo(AgeBand.AGE_11_15);
        assertThat(AgeBand.forAge(16)).isEqualTo(AgeBand.AGE_16_19);
        assertThat(AgeBand.forAge(19)).isEqualTo(AgeBand.AGE_16_19);
        assertThat(AgeBand.forAge(20)).isEqualTo(AgeBand.AGE_20_24);
        assertThat(AgeBand.forAge(24)).isEqualTo(AgeBand.AGE_20_24);
        assertThat(AgeBand.forAge(25)).isEqualTo(AgeBand.AGE_25_PLUS);
        assertThatThrownBy(() -> AgeBand.forAge(-1)).isInstanceOf(IllegalArgumentException.class);
        for (AgeBand band : AgeBand.values()) {
            assertThat(AgeBand.fromCode(band.code())).isSameAs(band);
        }
        assertThatThrownBy(() -> AgeBand.fromCode("16-18")).hasMessageContaining("16-18");
    }

    @Test
    void aChildTurningElevenLaterThisMonthChangesThisMonth() {
        LocalDate birth = LocalDate.of(2015, 3, 28);

        assertReading(birth, LocalDate.of(2026, 3, 2), AgeBand.AGE_5_10, YearMonth.of(2026, 3));
        assertReading(birth, LocalDate.of(2026, 3, 28), AgeBand.AGE_11_15, YearMonth.of(2031, 3));
    }

    @Test
    void aLeapDayBirthdayTurnsOnTheFirstOfMarchInACommonYear() {
        LocalDate leapDay2008 = LocalDate.of(2008, 2, 29);

        assertReading(leapDay2008, LocalDate.of(2024, 2, 28), AgeBand.AGE_11_15, YearMonth.of(2024, 2));
        assertReading(leapDay2008, LocalDate.of(2027, 2, 28), AgeBand.AGE_16_19, YearMonth.of(2028, 2));
        assertReading(LocalDate.of(2004, 2, 29), LocalDate.of(2024, 2, 28), AgeBand.AGE_16_19, YearMonth.of(2024, 2));
        assertReading(LocalDate.of(2003, 2, 28), LocalDate.of(2027, 3, 1), AgeBand.AGE_20_24, YearMonth.of(2028, 2));
        assertReading(LocalDate.of(2000, 2, 29), LocalDate.of(2025, 2, 28), AgeBand.AGE_20_24, YearMonth.of(2025, 3));
    }

    @Test
    void todayIsReadInLondon() {
        LocalDate birth = LocalDate.of(2016, 4, 1);
        // 23:30 UTC on 31 March 2026 is 00:30 on 1 April in London (BST): the tenth birthday has come.
        Instant lateEvening = Instant.parse("2026-03-31T23:30:00Z");

        assertThat(AgeBand.of(birth, lateEvening)).map(AgeBand.Reading::band).contains(AgeBand.AGE_5_10);
        assertThat(AgeBand.of(LocalDate.of(2015, 4, 1), lateEvening)).map(AgeBand.Reading::band)
                .contains(AgeBand.AGE_11_15);
        assertThat(AgeBand.of(LocalDate.of(2015, 4, 1), Instant.parse("2026-03-31T22:30:00Z")))
                .map(AgeBand.Reading::band).contains(AgeBand.AGE_5_10);
    }

    @Test
    void aBirthDateAfterTodayGivesNoBandAndTheLastBandNeverChanges() {
        assertThat(AgeBand.of(LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 1))).isEmpty();
        assertReading(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1), AgeBand.UNDER_5, YearMonth.of(2031, 6));
        assertReading(LocalDate.of(1970, 1, 1), LocalDate.of(2026, 6, 1), AgeBand.AGE_25_PLUS, null);
        assertThatThrownBy(() -> new AgeBand.Reading(AgeBand.AGE_25_PLUS, YearMonth.of(2030, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgeBand.Reading(AgeBand.AGE_5_10, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertReading(LocalDate birth, LocalDate today, AgeBand band, YearMonth changesIn) {
        assertThat(AgeBand.of(birth, today)).as("born %s, on %s", birth, today)
                .contains(new AgeBand.Reading(band, changesIn));
    }
}
