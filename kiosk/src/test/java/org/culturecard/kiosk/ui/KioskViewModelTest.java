package org.culturecard.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.culturecard.core.event.Event;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.checkin.CheckInService;
import org.culturecard.kiosk.checkin.ClockSync;
import org.culturecard.kiosk.store.EventOrigin;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kiosk.testing.FakeCardReader;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.testing.ManualScheduler;
import org.culturecard.kiosk.testing.MutableClock;
import org.culturecard.kiosk.testing.SameThreadTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk's behaviour without the toolkit: a real store, a fake reader, hand-cranked time. */
class KioskViewModelTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeCardReader reader = new FakeCardReader(clock);
    private final List<CheckInResult> results = new ArrayList<>();
    private final List<String> demoTaps = new ArrayList<>();
    private SqliteKioskStore store;
    private KioskViewModel model;

    @BeforeEach
    void start() {
        store = SqliteKioskStore.open(dir.resolve("kiosk.db"), clock);
        CheckInService service = new CheckInService(store, Fixtures.pseudonymiser(), Fixtures.STATION, clock,
                Fixtures.ids(clock), ClockSync.assumeSynced());
        KioskPorts ports = new KioskPorts(service::handle,
                () -> new AttractStatus(store.activeEvent().map(Event::title), SyncIndicator.unknown(store.outboxBacklog()),
                        store.health().movedAside()),
                results::add);
        model = new KioskViewModel(Messages.forLocale(Locale.ENGLISH), "Central Library", ports,
                new KioskThreads(new SameThreadTasks(), scheduler, Runnable::run), clock, KioskTimings.standard(),
                List.of(new DemoCard("Tap Amira's card", () -> demoTaps.add("amira"))));
        model.start();
        reader.start(model::onReaderEvent);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void invitesATapAndSaysDropInWhenNoEventRuns() {
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
        assertThat(model.venueNameProperty().get()).isEqualTo("Central Library");
        assertThat(model.eventLineProperty().get()).isEqualTo("Drop in any time");
        assertThat(model.timeProperty().get()).isEqualTo("18:30");
        assertThat(model.dateProperty().get()).isEqualTo("Saturday 14 March");
        assertThat(model.readerWorksProperty().get()).isTrue();
        assertThat(model.syncTextProperty().get()).isEqualTo("All taps saved");
    }

    @Test
    void welcomesATapToTheEventAndReturnsToAttractAfterFourSeconds() {
        activeEvent("Youth theatre");
        model.refreshStatus();
        assertThat(model.eventLineProperty().get()).isEqualTo("Now on: Youth theatre");

        reader.tap(Fixtures.AMIRA);

        assertThat(model.screen()).isEqualTo(Screen.WELCOME);
        assertThat(model.headlineProperty().get()).isEqualTo("Welcome!");
        assertThat(model.messageProperty().get()).isEqualTo("You're checked in to Youth theatre");
        assertThat(model.recognitionProperty().get()).isEqualTo("Your first visit here this year. Great to see you!");
        assertThat(results).singleElement().isInstanceOf(CheckInResult.Recorded.class);
        assertThat(model.syncTextProperty().get()).isEqualTo("1 waiting to send");

        scheduler.advance(Duration.ofMillis(3_900));
        assertThat(model.screen()).isEqualTo(Screen.WELCOME);
        scheduler.advance(Duration.ofMillis(100));
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
    }

    @Test
    void recognisesTheThirdVisitOfTheYear() {
        reader.tap(Fixtures.AMIRA);
        clock.advance(Duration.ofDays(2));
        reader.tap(Fixtures.AMIRA);
        clock.advance(Duration.ofDays(2));
        reader.tap(Fixtures.AMIRA);

        assertThat(model.messageProperty().get()).isEqualTo("Thanks for visiting Central Library today");
        assertThat(model.recognitionProperty().get()).isEqualTo("Your 3rd visit here this year");
    }

    @Test
    void saysAlreadyCheckedInOnASecondTap() {
        activeEvent("Youth theatre");
        reader.tap(Fixtures.AMIRA);
        reader.tap(Fixtures.AMIRA);

        assertThat(model.screen()).isEqualTo(Screen.ALREADY_CHECKED_IN);
        assertThat(model.headlineProperty().get()).isEqualTo("You're already checked in");
        assertThat(model.messageProperty().get()).isEqualTo("You're on the list for Youth theatre. Enjoy!");
        assertThat(model.recognitionProperty().get()).isEmpty();
    }

    @Test
    void refusesAPhoneKindlyAndTellsWhatToUse() {
        reader.tap(Fixtures.PHONE);

        assertThat(model.screen()).isEqualTo(Screen.NOT_A_LIBRARY_CARD);
        assertThat(model.headlineProperty().get()).isEqualTo("That's not a library card");
        assertThat(model.messageProperty().get()).contains("Please tap your library card");
        scheduler.advance(Duration.ofSeconds(6));
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
    }

    @Test
    void showsReaderUnavailableWhileNoReaderWorksAndClearsItselfWhenOneReturns() {
        scheduler.advance(Duration.ofSeconds(3));
        reader.lose();

        assertThat(model.screen()).isEqualTo(Screen.READER_UNAVAILABLE);
        assertThat(model.headlineProperty().get()).isEqualTo("The card reader is taking a break");
        assertThat(model.readerTextProperty().get()).isEqualTo("No card reader");

        reader.attach();

        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
        assertThat(model.readerTextProperty().get()).isEqualTo("Reader ready");
    }

    @Test
    void waitsForTheReaderGracePeriodBeforeComplaining() {
        reader.lose();
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);

        scheduler.advance(Duration.ofSeconds(3));

        assertThat(model.screen()).isEqualTo(Screen.READER_UNAVAILABLE);
    }

    @Test
    void opensStaffModeAndShowsTheCorruptionAlertThenTimesOut() {
        store.enrolStaffCard(UUID.randomUUID(), "Sam", Fixtures.pseudonymiser().tokenFor(Fixtures.BEN));
        reader.tap(Fixtures.BEN);

        assertThat(model.screen()).isEqualTo(Screen.STAFF);
        assertThat(model.headlineProperty().get()).isEqualTo("Hello, Sam");
        assertThat(model.staffAlertProperty().get()).isEmpty();
        scheduler.advance(Duration.ofSeconds(59));
        assertThat(model.screen()).isEqualTo(Screen.STAFF);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
    }

    @Test
    void showsAnApologyWhenTheStoreFailsAndRecovers() {
        store.close();
        reader.tap(Fixtures.AMIRA);

        assertThat(model.screen()).isEqualTo(Screen.ERROR);
        assertThat(model.headlineProperty().get()).isEqualTo("Sorry, that didn't work");
        scheduler.advance(Duration.ofSeconds(6));
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
    }

    @Test
    void pressesADemoCardOffTheUiThread() {
        model.pressDemoCard(model.demoCards().get(0));

        assertThat(demoTaps).containsExactly("amira");
    }

    @Test
    void aNewTapReplacesTheResultAndRestartsItsTimer() {
        reader.tap(Fixtures.PHONE);
        scheduler.advance(Duration.ofSeconds(5));
        reader.tap(Fixtures.AMIRA);
        scheduler.advance(Duration.ofSeconds(2));

        assertThat(model.screen()).isEqualTo(Screen.WELCOME);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
    }

    private void activeEvent(String title) {
        Event event = Fixtures.event(title, clock.instant().minus(Duration.ofMinutes(30)), Duration.ofHours(2));
        store.upsertEvent(event, EventOrigin.KIOSK);
        store.makeActive(event.id());
    }

}
