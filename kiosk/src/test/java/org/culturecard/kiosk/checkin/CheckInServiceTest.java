package org.culturecard.kiosk.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.card.CardTap;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.card.LibraryBarcode;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.enrolment.EnrolledFilter;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.kiosk.checkin.CheckInResult.AlreadyCheckedIn;
import org.culturecard.kiosk.checkin.CheckInResult.GeneralVisit;
import org.culturecard.kiosk.checkin.CheckInResult.NotALibraryCard;
import org.culturecard.kiosk.checkin.CheckInResult.Recorded;
import org.culturecard.kiosk.checkin.CheckInResult.StaffCard;
import org.culturecard.kiosk.checkin.CheckInResult.StaffCardRefused;
import org.culturecard.kiosk.checkin.CheckInResult.StaffPinNeeded;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.testing.SettingRows;
import org.culturecard.kiosk.testing.StaffRows;
import org.culturecard.kioskdb.EnrolledFilterFile;
import org.culturecard.kioskdb.EventOrigin;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckInServiceTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private final Pseudonymiser pseudonymiser = Fixtures.pseudonymiser();
    private SqliteKioskStore store;
    private CheckInService service;

    @BeforeEach
    void open() {
        store = SqliteKioskStore.open(dir.resolve("kiosk.db"), clock);
        service = new CheckInService(store, pseudonymiser, Fixtures.STATION, clock, Fixtures.ids(clock),
                ClockSync.assumeSynced());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void recordsACheckInToTheActiveEvent() {
        Event event = activeEvent("Youth theatre");

        CheckInResult result = service.handle(tap(Fixtures.AMIRA));

        assertThat(result).isInstanceOfSatisfying(Recorded.class, recorded -> {
            CheckIn checkIn = recorded.checkIn();
            assertThat(recorded.event()).isEqualTo(event);
            assertThat(recorded.visitNumberThisYear()).isEqualTo(1);
            assertThat(checkIn.eventId()).isEqualTo(event.id());
            assertThat(checkIn.token()).isEqualTo(pseudonymiser.tokenFor(Fixtures.AMIRA));
            assertThat(checkIn.tappedAt()).isEqualTo(clock.instant());
            assertThat(checkIn.venueId()).isEqualTo(Fixtures.VENUE);
            assertThat(checkIn.kioskId()).isEqualTo(Fixtures.KIOSK);
            assertThat(checkIn.seq()).isEqualTo(1);
        });
        assertThat(store.outboxBacklog()).isEqualTo(1);
    }

    @Test
    void saysAlreadyCheckedInOnASecondTapAndRecordsNothing() {
        Event event = activeEvent("Youth theatre");
        service.handle(tap(Fixtures.AMIRA));
        clock.advance(Duration.ofSeconds(3));

        assertThat(service.handle(tap(Fixtures.AMIRA))).isEqualTo(new AlreadyCheckedIn(event));
        assertThat(store.outboxBacklog()).isEqualTo(1);
    }

    @Test
    void refusesARandomIdPhoneAndNeverRecordsIt() {
        activeEvent("Youth theatre");

        assertThat(service.handle(tap(Fixtures.PHONE))).isInstanceOf(NotALibraryCard.class);
        assertThat(store.outboxBacklog()).isZero();
        assertThat(store.lastCheckInAt()).isEmpty();
    }

    @Test
    void recordsAGeneralVisitOnceADayWhenNoEventRuns() {
        CheckInResult first = service.handle(tap(Fixtures.AMIRA));
        clock.advance(Duration.ofHours(1));
        CheckInResult again = service.handle(tap(Fixtures.AMIRA));
        clock.advance(Duration.ofDays(1));
        CheckInResult tomorrow = service.handle(tap(Fixtures.AMIRA));

        assertThat(first).isInstanceOfSatisfying(GeneralVisit.class, visit -> {
            assertThat(visit.checkIn().isGeneralVisit()).isTrue();
            assertThat(visit.visitNumberThisYear()).isEqualTo(1);
        });
        assertThat(again).isEqualTo(new AlreadyCheckedIn(null));
        assertThat(((AlreadyCheckedIn) again).isGeneralVisit()).isTrue();
        assertThat(tomorrow).isInstanceOfSatisfying(GeneralVisit.class,
                visit -> assertThat(visit.visitNumberThisYear()).isEqualTo(2));
        assertThat(store.outboxBacklog()).isEqualTo(2);
    }

    @Test
    void countsTheThirdVisitDayOfTheYear() {
        service.handle(tap(Fixtures.AMIRA));
        clock.advance(Duration.ofDays(7));
        service.handle(tap(Fixtures.AMIRA));
        clock.advance(Duration.ofDays(7));
        activeEvent("Drumming workshop");

        assertThat(service.handle(tap(Fixtures.AMIRA))).isInstanceOfSatisfying(Recorded.class,
                recorded -> assertThat(recorded.visitNumberThisYear()).isEqualTo(3));
    }

    @Test
    void treatsAnEndedActiveEventAsNoEvent() {
        Event event = Fixtures.event("Matinee", clock.instant().minus(Duration.ofHours(3)), Duration.ofHours(2));
        store.upsertEvent(event, EventOrigin.KIOSK);
        store.makeActive(event.id());

        assertThat(service.handle(tap(Fixtures.AMIRA))).isInstanceOf(GeneralVisit.class);
    }

    @Test
    void opensStaffModeForAnEnrolledStaffCardWithoutRecording() {
        activeEvent("Youth theatre");
        store.putSetting(SettingKey.STAFF_AUTH, StaffAuth.CARD_ONLY); // a venue where the card alone suffices
        store.enrolStaffCard(UUID.randomUUID(), "Sam", pseudonymiser.tokenFor(Fixtures.BEN));

        assertThat(service.handle(tap(Fixtures.BEN))).isEqualTo(new StaffCard("Sam"));
        assertThat(store.outboxBacklog()).isZero();
    }

    @Test
    void byDefaultAStaffCardAsksForItsHoldersPinAndRecordsNothing() {
        activeEvent("Youth theatre");
        UUID sam = UUID.randomUUID();
        store.setStaffPin(sam, "Sam", "pbkdf2-sha256$210000$AAECAwQFBgcICQoLDA0ODw$MfyWfJexqlndtCCLSOIl5XtAuDTY6Y5KOg9JfUuRysM");
        store.enrolStaffCard(sam, "Sam", pseudonymiser.tokenFor(Fixtures.BEN));

        assertThat(service.handle(tap(Fixtures.BEN))).isEqualTo(new StaffPinNeeded(sam, "Sam"));
        assertThat(store.outboxBacklog()).isZero();
    }

    @Test
    void byDefaultAStaffCardWithoutAPinIsRefusedAndNotTakenForAYoungPerson() {
        activeEvent("Youth theatre");
        store.enrolStaffCard(UUID.randomUUID(), "Sam", pseudonymiser.tokenFor(Fixtures.BEN));

        assertThat(service.handle(tap(Fixtures.BEN))).isEqualTo(new StaffCardRefused(StaffCardRefused.Reason.NO_PIN));
        assertThat(store.outboxBacklog()).isZero();
    }

    @Test
    void aRevokedStaffCardIsRefusedUnderEverySettingAndNeverRecorded() {
        activeEvent("Youth theatre");
        UUID sam = UUID.randomUUID();
        store.enrolStaffCard(sam, "Sam", pseudonymiser.tokenFor(Fixtures.BEN));
        StaffRows.revoke(dir.resolve("kiosk.db"), sam, clock.instant());

        for (StaffAuth auth : StaffAuth.values()) {
            store.putSetting(SettingKey.STAFF_AUTH, auth);
            assertThat(service.handle(tap(Fixtures.BEN))).as(auth.code())
                    .isEqualTo(new StaffCardRefused(StaffCardRefused.Reason.REVOKED));
        }
        assertThat(store.outboxBacklog()).isZero();
        assertThat(store.hasCheckedInToEvent(pseudonymiser.tokenFor(Fixtures.BEN), store.activeEvent().orElseThrow().id()))
                .isFalse();
    }

    @Test
    void tellsTwoYoungPeopleApart() {
        activeEvent("Youth theatre");

        assertThat(service.handle(tap(Fixtures.AMIRA))).isInstanceOf(Recorded.class);
        assertThat(service.handle(tap(Fixtures.BEN))).isInstanceOf(Recorded.class);
        assertThat(store.outboxBacklog()).isEqualTo(2);
    }

    @Test
    void checksInABarcodeCardUnderItsOwnTokenAndKind() {
        Event event = activeEvent("Youth theatre");

        CheckInResult first = service.handleBarcode(LibraryBarcode.of("29384756"));
        CheckInResult second = service.handleBarcode(LibraryBarcode.of("A29384756B\r\n"));

        assertThat(first).isInstanceOfSatisfying(Recorded.class, recorded -> {
            assertThat(recorded.checkIn().cardKind()).isEqualTo(org.culturecard.core.card.CardKind.BARCODE);
            assertThat(recorded.checkIn().token()).isEqualTo(pseudonymiser.tokenForBarcode("29384756"));
            assertThat(recorded.event()).isEqualTo(event);
        });
        assertThat(second).isEqualTo(new AlreadyCheckedIn(event));
        assertThat(store.outboxBacklog()).isEqualTo(1);
    }

    @Test
    void aRegisteredCardAndAnUnregisteredOneAreBothRecordedAndTheResultSaysWhich() {
        EnrolledFilterFile.beside(dir.resolve("kiosk.db")).store(1, clock.instant(),
                EnrolledFilter.of(List.of(pseudonymiser.tokenFor(Fixtures.BEN))).toBytes());
        SettingRows.put(dir.resolve("kiosk.db"), SettingKey.UNREGISTERED_CARDS.name(), "record-and-remind");
        CheckInService withFilter = new CheckInService(store, pseudonymiser, Fixtures.STATION, clock,
                Fixtures.ids(clock), ClockSync.assumeSynced(),
                new EnrolledCardsFile(EnrolledFilterFile.beside(dir.resolve("kiosk.db")), store::unregisteredCards));
        Event event = activeEvent("Coding club");

        CheckInResult ben = withFilter.handle(tap(Fixtures.BEN));
        CheckInResult amira = withFilter.handle(tap(Fixtures.AMIRA));

        assertThat(ben).isInstanceOfSatisfying(Recorded.class, recorded -> {
            assertThat(recorded.registration()).isEqualTo(Registration.REGISTERED);
            assertThat(recorded.event()).isEqualTo(event);
        });
        assertThat(amira).isInstanceOfSatisfying(Recorded.class,
                recorded -> assertThat(recorded.registration()).isEqualTo(Registration.NOT_REGISTERED_REMIND));
        assertThat(CheckInResult.remindToRegister(amira)).isTrue();
        assertThat(CheckInResult.remindToRegister(ben)).isFalse();
        assertThat(store.outboxBacklog()).as("both recorded").isEqualTo(2);
    }

    @Test
    void aFilterThatFailsNeverCostsATapTheCardIsUnknownAndRecorded() {
        CheckInService failing = new CheckInService(store, pseudonymiser, Fixtures.STATION, clock,
                UuidV7.system(), ClockSync.assumeSynced(), token -> {
                    throw new IllegalStateException("disk on fire");
                });

        CheckInResult result = failing.handle(tap(Fixtures.AMIRA));

        assertThat(result).isInstanceOfSatisfying(GeneralVisit.class,
                visit -> assertThat(visit.registration()).isEqualTo(Registration.UNKNOWN));
        assertThat(service.handle(tap(Fixtures.BEN))).isInstanceOfSatisfying(GeneralVisit.class,
                visit -> assertThat(visit.registration()).as("no filter port: unknown").isEqualTo(Registration.UNKNOWN));
        assertThat(store.outboxBacklog()).isEqualTo(2);
    }

    private Event activeEvent(String title) {
        Event event = Fixtures.event(title, clock.instant().minus(Duration.ofMinutes(30)), Duration.ofHours(2));
        store.upsertEvent(event, EventOrigin.KIOSK);
        store.makeActive(event.id());
        return event;
    }

    private CardTap tap(CardUid uid) {
        return Fixtures.tap(uid, clock.instant());
    }
}
