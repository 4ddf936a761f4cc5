package org.culturecard.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LibrarySystem} must answer, passed by the in-memory fake
 * ({@code InMemoryLibrarySystemTest}) and by the SIP2 client against the SIP2 test server over real
 * sockets ({@code client.Sip2LibrarySystemContractIT}). Code that enrols cards can then be tested
 * against the fake and trust the answer.
 */
public abstract class LibrarySystemContract {
    protected static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    protected static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 15, 30).atZone(ZoneId.of("Europe/London")).toInstant(),
            ZoneId.of("Europe/London"));

    /** The kinds of card every implementation is asked about. */
    public enum Standing { VALID, BLOCKED, LOST }

    /** A card as the contract describes it; each implementation sets its LMS up with these. */
    public record ContractPatron(String barcode, String pin, Standing standing, LocalDate birthDate, LocalDate expiry) {
        static ContractPatron valid(String barcode) {
            return new ContractPatron(barcode, null, Standing.VALID, null, null);
        }

        ContractPatron withPin(String newPin) {
            return new ContractPatron(barcode, newPin, standing, birthDate, expiry);
        }

        ContractPatron as(Standing newStanding) {
            return new ContractPatron(barcode, pin, newStanding, birthDate, expiry);
        }

        ContractPatron bornOn(LocalDate date) {
            return new ContractPatron(barcode, pin, standing, date, expiry);
        }

        ContractPatron expiringOn(LocalDate date) {
            return new ContractPatron(barcode, pin, standing, birthDate, date);
        }
    }

    private static final List<ContractPatron> PATRONS = List.of(
            ContractPatron.valid("29000100000001"),
            ContractPatron.valid("29000100000002").withPin("1234").bornOn(LocalDate.of(2012, 3, 4)),
            ContractPatron.valid("29000100000003").as(Standing.BLOCKED),
            ContractPatron.valid("29000100000004").as(Standing.LOST),
            ContractPatron.valid("29000100000005").expiringOn(TODAY.minusDays(1)),
            ContractPatron.valid("29000100000006").expiringOn(TODAY.plusYears(2)),
            ContractPatron.valid("29000100000007").withPin("9876").as(Standing.BLOCKED));

    private LibrarySystem system;

    /** A fresh library system knowing {@code patrons}, whose clock is {@link #CLOCK}. */
    protected abstract LibrarySystem systemWith(List<ContractPatron> patrons);

    /** From now on the library system cannot be reached. */
    protected abstract void makeUnreachable();

    private LibrarySystem system() {
        if (system == null) {
            system = systemWith(PATRONS);
        }
        return system;
    }

    private static PatronBarcode card(int n) {
        return PatronBarcode.of("2900010000000" + n);
    }

    @AfterEach
    void closeTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aValidCardIsValid() {
        assertThat(system().patronStatus(card(1))).isInstanceOf(ValidPatron.class);
    }

    @Test
    void anUnknownBarcodeIsUnknown() {
        assertThat(system().patronStatus(PatronBarcode.of("29000199999999"))).isInstanceOf(UnknownPatron.class);
        assertThat(system().patronInformation(PatronBarcode.of("29000199999999"), PatronPin.of("1234")))
                .isInstanceOf(UnknownPatron.class);
    }

    @Test
    void aBlockedCardIsBlockedWithItsReason() {
        PatronCheck check = system().patronStatus(card(3));

        assertThat(check).isInstanceOfSatisfying(BlockedPatron.class,
                blocked -> assertThat(blocked.flags()).contains(PatronFlag.CHARGE_PRIVILEGES_DENIED));
    }

    @Test
    void aCardReportedLostIsLost() {
        assertThat(system().patronStatus(card(4))).isInstanceOf(LostCard.class);
    }

    @Test
    void patronInformationTellsAnExpiredCardFromABlockedOne() {
        assertThat(system().patronInformation(card(5))).isEqualTo(new ExpiredCard(TODAY.minusDays(1), Optional.empty()));
    }

    @Test
    void patronStatusOfAnExpiredCardIsNotValidThoughItMayNotSayWhy() {
        assertThat(system().patronStatus(card(5))).isInstanceOfAny(ExpiredCard.class, BlockedPatron.class);
    }

    @Test
    void aCardWithAFutureExpiryIsValidUntilThatDate() {
        assertThat(system().patronInformation(card(6)))
                .isInstanceOfSatisfying(ValidPatron.class, valid -> assertThat(valid.validUntil()).contains(TODAY.plusYears(2)));
    }

    @Test
    void patronInformationWithoutAPinGivesTheBirthDateForStaffAssistedEnrolment() {
        assertThat(system().patronInformation(card(2))).isInstanceOfSatisfying(ValidPatron.class, valid ->
                assertThat(valid.birthDate()).contains(new BirthDate(LocalDate.of(2012, 3, 4))));
    }

    @Test
    void theRightPinGivesTheCardAndItsHoldersBirthDate() {
        PatronCheck check = system().patronInformation(card(2), PatronPin.of("1234"));

        assertThat(check).isInstanceOfSatisfying(ValidPatron.class, valid ->
                assertThat(valid.birthDate()).contains(new BirthDate(LocalDate.of(2012, 3, 4))));
    }

    @Test
    void noBirthDateWhereTheLmsGivesNoneAndAnyPinForACardWithoutOne() {
        assertThat(system().patronInformation(card(1), PatronPin.of("0000")))
                .isInstanceOfSatisfying(ValidPatron.class, valid -> assertThat(valid.birthDate()).isEmpty());
    }

    @Test
    void aWrongPinIsAWrongPin() {
        assertThat(system().patronInformation(card(2), PatronPin.of("4321"))).isEqualTo(new WrongPin());
    }

    @Test
    void aWrongPinRevealsNothingAboutABlockedCard() {
        assertThat(system().patronInformation(card(7), PatronPin.of("0000"))).isEqualTo(new WrongPin());
        assertThat(system().patronInformation(card(7), PatronPin.of("9876"))).isInstanceOf(BlockedPatron.class);
    }

    @Test
    void patronStatusNeedsNoPinEvenForACardThatHasOne() {
        assertThat(system().patronStatus(card(2))).isInstanceOf(ValidPatron.class);
    }

    @Test
    void theLmsIsOnline() {
        assertThat(system().scStatus()).isInstanceOfSatisfying(LmsOnline.class,
                online -> assertThat(online.patronStatusSupported()).isTrue());
    }

    @Test
    void anUnreachableLmsAnswersUnavailableNeverAnException() {
        system();
        makeUnreachable();

        assertThat(system().patronStatus(card(1))).isInstanceOf(LmsUnavailable.class);
        assertThat(system().patronInformation(card(1))).isInstanceOf(LmsUnavailable.class);
        assertThat(system().patronInformation(card(2), PatronPin.of("1234"))).isInstanceOf(LmsUnavailable.class);
        assertThat(system().scStatus()).isInstanceOf(LmsUnavailable.class);
    }

    @Test
    void aClosedClientAnswersUnavailable() {
        system().close();

        assertThat(system().patronStatus(card(1))).isInstanceOfSatisfying(LmsUnavailable.class,
                unavailable -> assertThat(unavailable.reason()).isEqualTo(LmsUnavailable.Reason.UNREACHABLE));
    }
}
