package org.culturecard.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scheme's reading of what the LMS says, case by case, in its order of precedence. */
class PatronVerdictTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static final Optional<String> STAFF_NOTE = Optional.of("See the desk");

    private static PatronFacts facts(Set<PatronFlag> flags, Boolean valid, Boolean pin, LocalDate expiry) {
        return new PatronFacts(flags, Optional.ofNullable(valid), Optional.ofNullable(pin), Optional.ofNullable(expiry),
                Optional.of(new BirthDate(LocalDate.of(2010, 5, 6))), STAFF_NOTE);
    }

    @Test
    void aValidPatronKeepsExpiryBirthDateFlagsAndScreenMessage() {
        PatronCheck check = PatronVerdict.decide(facts(Set.of(PatronFlag.EXCESSIVE_OUTSTANDING_FINES), true, null,
                TODAY.plusDays(1)), false, TODAY);

        assertThat(check).isEqualTo(new ValidPatron(Set.of(PatronFlag.EXCESSIVE_OUTSTANDING_FINES),
                Optional.of(TODAY.plusDays(1)), Optional.of(new BirthDate(LocalDate.of(2010, 5, 6))), STAFF_NOTE));
    }

    @Test
    void aCardThatExpiresTodayIsStillValidToday() {
        assertThat(PatronVerdict.decide(facts(Set.of(), true, null, TODAY), false, TODAY)).isInstanceOf(ValidPatron.class);
    }

    @Test
    void anInvalidPatronIsUnknownWhateverElseTheReplySays() {
        assertThat(PatronVerdict.decide(facts(Set.of(PatronFlag.CHARGE_PRIVILEGES_DENIED, PatronFlag.CARD_REPORTED_LOST),
                false, false, TODAY.minusDays(1)), true, TODAY)).isEqualTo(new UnknownPatron(STAFF_NOTE));
    }

    @Test
    void aWrongPinHidesLostBlockedAndExpired() {
        PatronFacts everythingWrong = facts(Set.of(PatronFlag.CHARGE_PRIVILEGES_DENIED, PatronFlag.CARD_REPORTED_LOST),
                true, false, TODAY.minusDays(1));

        assertThat(PatronVerdict.decide(everythingWrong, true, TODAY)).isEqualTo(new WrongPin());
    }

    @Test
    void aReplyThatDoesNotSayWhetherThePinIsRightCannotBeTrusted() {
        assertThat(PatronVerdict.decide(facts(Set.of(), true, null, null), true, TODAY))
                .isInstanceOfSatisfying(LmsUnavailable.class, u -> {
                    assertThat(u.reason()).isEqualTo(LmsUnavailable.Reason.BAD_REPLY);
                    assertThat(u.detail()).contains("CQ");
                });
    }

    @Test
    void withoutAPinTheValidPasswordFieldIsIgnored() {
        assertThat(PatronVerdict.decide(facts(Set.of(), true, false, null), false, TODAY)).isInstanceOf(ValidPatron.class);
    }

    @Test
    void lostComesBeforeExpiredWhichComesBeforeBlocked() {
        Set<PatronFlag> lostAndBlocked = Set.of(PatronFlag.CARD_REPORTED_LOST, PatronFlag.CHARGE_PRIVILEGES_DENIED);

        assertThat(PatronVerdict.decide(facts(lostAndBlocked, true, true, TODAY.minusDays(1)), true, TODAY))
                .isEqualTo(new LostCard(STAFF_NOTE));
        assertThat(PatronVerdict.decide(facts(Set.of(PatronFlag.CHARGE_PRIVILEGES_DENIED), true, true, TODAY.minusDays(1)),
                true, TODAY)).isEqualTo(new ExpiredCard(TODAY.minusDays(1), STAFF_NOTE));
        assertThat(PatronVerdict.decide(facts(Set.of(PatronFlag.CHARGE_PRIVILEGES_DENIED), null, true, null), true, TODAY))
                .isEqualTo(new BlockedPatron(Set.of(PatronFlag.CHARGE_PRIVILEGES_DENIED), STAFF_NOTE));
    }

    @Test
    void flagsOtherThanChargeDeniedDoNotBlock() {
        Set<PatronFlag> all = Set.of(PatronFlag.RENEWAL_PRIVILEGES_DENIED, PatronFlag.HOLD_PRIVILEGES_DENIED,
                PatronFlag.TOO_MANY_ITEMS_OVERDUE, PatronFlag.EXCESSIVE_OUTSTANDING_FEES);

        assertThat(PatronVerdict.decide(facts(all, true, null, null), false, TODAY)).isInstanceOf(ValidPatron.class);
    }
}
