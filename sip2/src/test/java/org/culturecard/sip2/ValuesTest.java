package org.culturecard.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The values of the API never show personal data and refuse what SIP2 cannot carry. */
class ValuesTest {

    @Test
    void aBarcodeAndAPinNeverShowThemselves() {
        assertThat(PatronBarcode.of("29000123456789")).asString().doesNotContain("29000123456789").contains("14 chars");
        assertThat(PatronPin.of("1234")).asString().doesNotContain("1234");
    }

    @Test
    void refusesAnEmptyOverlongOrControlCharacterBarcodeWithoutQuotingIt() {
        assertThatThrownBy(() -> PatronBarcode.of("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PatronBarcode.of("9".repeat(65))).hasMessageContaining("65 characters");
        assertThatThrownBy(() -> PatronBarcode.of("29000123\r63")).hasMessageContaining("control character at position 9")
                .hasMessageNotContaining("29000123");
        assertThatThrownBy(() -> PatronPin.of("12\u00004")).hasMessageContaining("control character");
    }

    @Test
    void aBirthDateNeverShowsItselfAndGivesWholeYears() {
        BirthDate born = new BirthDate(LocalDate.of(2010, 11, 26));

        assertThat(born).asString().doesNotContain("2010");
        assertThat(born.ageOn(LocalDate.of(2026, 11, 25))).isEqualTo(15);
        assertThat(born.ageOn(LocalDate.of(2026, 11, 26))).isEqualTo(16);
        assertThat(born.ageOn(LocalDate.of(2001, 1, 1))).isZero();
    }

    @Test
    void outcomesMaskScreenMessagesAndBirthDates() {
        ValidPatron valid = new ValidPatron(Set.of(), Optional.empty(), Optional.of(new BirthDate(LocalDate.of(2011, 2, 3))),
                Optional.of("Hello Ann Reader"));

        assertThat(valid).asString().doesNotContain("Ann", "2011");
        assertThat(new BlockedPatron(Set.of(PatronFlag.CHARGE_PRIVILEGES_DENIED), Optional.of("Ann owes 3.00"))).asString()
                .doesNotContain("Ann").contains("CHARGE_PRIVILEGES_DENIED");
        assertThat(new UnknownPatron(Optional.of("Ann?"))).asString().doesNotContain("Ann");
        assertThat(new LostCard(Optional.of("Ann lost it"))).asString().doesNotContain("Ann");
        assertThat(new ExpiredCard(LocalDate.of(2026, 1, 1), Optional.of("Ann"))).asString().doesNotContain("Ann");
    }
}
