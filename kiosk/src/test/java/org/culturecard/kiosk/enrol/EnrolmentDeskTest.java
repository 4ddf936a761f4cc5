package org.culturecard.kiosk.enrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.card.LibraryBarcode;
import org.culturecard.core.enrolment.AgeBand;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.sip2.InMemoryLibrarySystem;
import org.culturecard.sip2.InMemoryLibrarySystem.Patron;
import org.culturecard.sip2.LmsUnavailable;
import org.culturecard.sip2.PatronFlag;
import org.culturecard.sip2.PatronPin;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enrolment desk's decisions, with sip2's in-memory library system (its fake, which passes the
 * same contract test as the SIP2 client) and the real kiosk store: what each LMS answer shows and
 * what is recorded. The SIP2 client against the test server is {@code EnrolmentOverSip2IT}.
 */
class EnrolmentDeskTest {
    private static final LibraryBarcode CARD = LibraryBarcode.of("29384756");
    private static final LibraryBarcode OLD_CARD = LibraryBarcode.of("11112222");
    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private final Pseudonymiser pseudonymiser = Fixtures.pseudonymiser();
    private final InMemoryLibrarySystem lms = new InMemoryLibrarySystem(clock);
    private final Token chip = Fixtures.pseudonymiser().tokenFor(Fixtures.AMIRA);
    private SqliteKioskStore store;
    private EnrolmentDesk desk;

    @BeforeEach
    void open() {
        store = SqliteKioskStore.open(dir.resolve("kiosk.db"), clock);
        desk = new EnrolmentDesk(Optional.of(lms), pseudonymiser, store, clock, Fixtures.ids(clock), Period.ofMonths(12));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aValidCardIsEnrolledWithBothTokensItsBandAndTheLmsExpiry() {
        lms.with(Patron.valid("29384756").bornOn(LocalDate.of(2012, 5, 20)).validUntil(LocalDate.of(2028, 1, 31)));

        RegisterOutcome outcome = desk.register(chip, CARD, null);

        assertThat(outcome).isEqualTo(new RegisterOutcome.Registered(Optional.of(AgeBand.AGE_11_15), false));
        List<Enrolment> today = desk.today();
        assertThat(today).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo(Enrolment.Kind.ENROL);
            assertThat(record.chipToken()).isEqualTo(chip);
            assertThat(record.barcodeToken()).isEqualTo(pseudonymiser.tokenForBarcode("29384756"));
            assertThat(record.ageBand()).isEqualTo(AgeBand.AGE_11_15);
            assertThat(record.bandChangesOn()).isEqualTo(YearMonth.of(2028, 5));
            assertThat(record.validUntil()).isEqualTo(LocalDate.of(2028, 1, 31));
            assertThat(record.enrolledAt()).isEqualTo(clock.instant());
        });
        assertThat(store.enrolmentBacklog()).isEqualTo(1);
    }

    @Test
    void withoutAnExpiryOrBirthDateTheSchemeDefaultAndNoBandAreRecorded() {
        lms.with(Patron.valid("29384756"));

        assertThat(desk.register(null, CARD, null)).isEqualTo(new RegisterOutcome.Registered(Optional.empty(), false));
        assertThat(desk.today()).singleElement().satisfies(record -> {
            assertThat(record.validUntil()).isEqualTo(LocalDate.of(2027, 3, 14));
            assertThat(record.ageBand()).isNull();
            assertThat(record.chipToken()).isNull();
        });
    }

    @Test
    void everyRefusalShowsItsMessageAndStoresNothing() {
        lms.with(Patron.valid("10000001").withFlags(PatronFlag.CHARGE_PRIVILEGES_DENIED));
        lms.with(Patron.valid("10000002").validUntil(LocalDate.of(2026, 1, 1)));
        lms.with(Patron.valid("10000003").withFlags(PatronFlag.CARD_REPORTED_LOST));

        assertThat(desk.register(chip, LibraryBarcode.of("99999999"), null)).isEqualTo(new RegisterOutcome.NotALibraryCard());
        assertThat(desk.register(chip, LibraryBarcode.of("10000001"), null))
                .isEqualTo(new RegisterOutcome.SeeLibraryStaff(RegisterOutcome.SeeLibraryStaff.Why.BLOCKED));
        assertThat(desk.register(chip, LibraryBarcode.of("10000002"), null))
                .isEqualTo(new RegisterOutcome.SeeLibraryStaff(RegisterOutcome.SeeLibraryStaff.Why.EXPIRED));
        assertThat(desk.register(chip, LibraryBarcode.of("10000003"), null)).isEqualTo(new RegisterOutcome.CardLost());
        lms.makeUnavailable(LmsUnavailable.Reason.TIMEOUT);
        assertThat(desk.register(chip, CARD, null)).isEqualTo(new RegisterOutcome.LmsUnreachable());

        assertThat(desk.today()).isEmpty();
        assertThat(store.enrolmentBacklog()).isZero();
    }

    @Test
    void aKioskWithoutALibrarySystemSaysSoAndStoresNothing() {
        EnrolmentDesk unconfigured = new EnrolmentDesk(Optional.empty(), pseudonymiser, store, clock,
                Fixtures.ids(clock), Period.ofMonths(12));

        assertThat(unconfigured.configured()).isFalse();
        assertThat(unconfigured.register(chip, CARD, null)).isEqualTo(new RegisterOutcome.NotConfigured());
        assertThat(store.enrolmentBacklog()).isZero();
    }

    @Test
    void selfServiceNeedsTheRightPinAndRecordsNoStaff() {
        lms.with(Patron.valid("29384756").withPin("4321"));

        assertThat(desk.registerSelf(CARD, PatronPin.of("1111"))).isEqualTo(new RegisterOutcome.WrongPin());
        assertThat(store.enrolmentBacklog()).isZero();
        assertThat(desk.registerSelf(CARD, PatronPin.of("4321"))).isInstanceOf(RegisterOutcome.Registered.class);
        assertThat(desk.today()).singleElement().satisfies(record -> assertThat(record.staffId()).isNull());
    }

    @Test
    void aReplacementIsAcceptedWhenTheOldCardIsLostOrNoLongerKnown() {
        lms.with(Patron.valid("29384756"));
        lms.with(Patron.valid("11112222"));

        assertThat(desk.replace(chip, CARD, OLD_CARD, null)).isEqualTo(new RegisterOutcome.OldCardNotReplaced());
        assertThat(desk.replace(chip, CARD, CARD, null)).isEqualTo(new RegisterOutcome.OldCardNotReplaced());
        assertThat(store.enrolmentBacklog()).isZero();

        lms.with(Patron.valid("11112222").withFlags(PatronFlag.CARD_REPORTED_LOST));
        assertThat(desk.replace(chip, CARD, OLD_CARD, null)).isEqualTo(new RegisterOutcome.Registered(Optional.empty(), true));
        assertThat(desk.today()).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo(Enrolment.Kind.REPLACE);
            assertThat(record.oldBarcodeToken()).isEqualTo(pseudonymiser.tokenFor(OLD_CARD));
            assertThat(record.barcodeToken()).isEqualTo(pseudonymiser.tokenFor(CARD));
        });

        assertThat(desk.replace(null, LibraryBarcode.of("29384756"), LibraryBarcode.of("55556666"), null))
                .isEqualTo(new RegisterOutcome.Registered(Optional.empty(), true));
    }

    @Test
    void aReplacementCardThatIsNotValidIsRefusedAsARegistrationWouldBe() {
        lms.with(Patron.valid("11112222").withFlags(PatronFlag.CARD_REPORTED_LOST));

        assertThat(desk.replace(chip, CARD, OLD_CARD, null)).isEqualTo(new RegisterOutcome.NotALibraryCard());
        assertThat(store.enrolmentBacklog()).isZero();
    }

    @Test
    void todaysEnrolmentCanBeUndoneOnceAndTheUndoRecordsWhoDidIt() {
        lms.with(Patron.valid("29384756"));
        desk.register(chip, CARD, null);
        UUID enrolled = desk.today().get(0).id();

        assertThat(desk.undo(enrolled, null)).isEqualTo(new RegisterOutcome.Undone());
        assertThat(desk.today()).isEmpty();
        assertThat(desk.undo(enrolled, null)).isEqualTo(new RegisterOutcome.NothingToUndo());
        assertThat(store.enrolmentBacklog()).isEqualTo(2);
    }

    @Test
    void yesterdaysEnrolmentCannotBeUndone() {
        lms.with(Patron.valid("29384756"));
        desk.register(chip, CARD, null);
        UUID enrolled = desk.today().get(0).id();
        clock.advance(java.time.Duration.ofDays(1));

        assertThat(desk.today()).isEmpty();
        assertThat(desk.undo(enrolled, null)).isEqualTo(new RegisterOutcome.NothingToUndo());
    }
}
