package org.culturecard.kiosk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.staff.PinHasher;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.checkin.CheckInService;
import org.culturecard.kiosk.checkin.ClockSync;
import org.culturecard.kiosk.checkin.TapDispatcher;
import org.culturecard.kiosk.staff.EventDraft;
import org.culturecard.kioskdb.StoredEvent;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.staff.StaffDesk;
import org.culturecard.kiosk.store.SqliteKioskStore;
import org.culturecard.kiosk.testing.FakeCardReader;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.testing.ManualScheduler;
import org.culturecard.kiosk.testing.SameThreadTasks;
import org.culturecard.kiosk.testing.SettingRows;
import org.culturecard.kiosk.testing.StaffRows;
import org.culturecard.kioskdb.EventOrigin;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kiosk.ui.sound.Sounds;
import org.culturecard.kiosk.ui.staff.StatusRow;

/** The kiosk's behaviour without the toolkit: a real store, a fake reader, hand-cranked time. */
class KioskViewModelTest {
    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private final ManualScheduler scheduler = new ManualScheduler();
    private final FakeCardReader reader = new FakeCardReader(clock);
    private final List<CheckInResult> results = new ArrayList<>();
    private final List<String> demoTaps = new ArrayList<>();
    private final List<Sounds.Sound> sounds = new ArrayList<>();
    private SqliteKioskStore store;
    private StaffDesk desk;
    private KioskViewModel model;

    @BeforeEach
    void start() {
        store = SqliteKioskStore.open(dir.resolve("kiosk.db"), clock);
        CheckInService service = new CheckInService(store, Fixtures.pseudonymiser(), Fixtures.STATION, clock,
                Fixtures.ids(clock), ClockSync.assumeSynced());
        desk = new StaffDesk(store, clock, Fixtures.VENUE, Fixtures.ids(clock), dir.resolve("kiosk.db"), Locale.ENGLISH);
        KioskPorts ports = new KioskPorts(service::handleBarcode,
                () -> new AttractStatus(store.activeEvent().map(Event::title), SyncIndicator.unknown(store.outboxBacklog()),
                        store.health().movedAside()),
                results::add, desk, (sound, volume) -> sounds.add(sound));
        model = new KioskViewModel(DisplaySettings.defaults(Locale.ENGLISH), "Central Library", ports,
                new KioskThreads(new SameThreadTasks(), scheduler, Runnable::run), clock, KioskTimings.standard(),
                List.of(new DemoCard("Tap Amira's card", () -> demoTaps.add("amira"))));
        model.start();
        reader.start(new TapDispatcher(service::handle, Runnable::run, model::acceptsTaps, model));
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void invitesATapAndSaysDropInWhenNoEventRuns() {
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
        assertThat(model.statusLine().venueNameProperty().get()).isEqualTo("Central Library");
        assertThat(model.statusLine().eventLineProperty().get()).isEqualTo("Drop in any time");
        assertThat(model.statusLine().timeProperty().get()).isEqualTo("18:30");
        assertThat(model.statusLine().dateProperty().get()).isEqualTo("Saturday 14 March");
        assertThat(model.statusLine().readerWorksProperty().get()).isTrue();
        assertThat(model.statusLine().syncTextProperty().get()).isEqualTo("All taps saved");
    }

    @Test
    void welcomesATapToTheEventAndReturnsToAttractAfterFourSeconds() {
        activeEvent("Youth theatre");
        model.refreshStatus();
        assertThat(model.statusLine().eventLineProperty().get()).isEqualTo("Now on: Youth theatre");

        reader.tap(Fixtures.AMIRA);

        assertThat(model.screen()).isEqualTo(Screen.WELCOME);
        assertThat(model.results().headlineProperty().get()).isEqualTo("Welcome!");
        assertThat(model.results().messageProperty().get()).isEqualTo("You're checked in to Youth theatre");
        assertThat(model.results().recognitionProperty().get()).isEqualTo("Your first visit here this year. Great to see you!");
        assertThat(results).singleElement().isInstanceOf(CheckInResult.Recorded.class);
        assertThat(model.statusLine().syncTextProperty().get()).isEqualTo("1 waiting to send");

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

        assertThat(model.results().messageProperty().get()).isEqualTo("Thanks for visiting Central Library today");
        assertThat(model.results().recognitionProperty().get()).isEqualTo("Your 3rd visit here this year");
    }

    @Test
    void saysAlreadyCheckedInOnASecondTap() {
        activeEvent("Youth theatre");
        reader.tap(Fixtures.AMIRA);
        reader.tap(Fixtures.AMIRA);

        assertThat(model.screen()).isEqualTo(Screen.ALREADY_CHECKED_IN);
        assertThat(model.results().headlineProperty().get()).isEqualTo("You're already checked in");
        assertThat(model.results().messageProperty().get()).isEqualTo("You're on the list for Youth theatre. Enjoy!");
        assertThat(model.results().recognitionProperty().get()).isEmpty();
    }

    @Test
    void refusesAPhoneKindlyAndTellsWhatToUse() {
        reader.tap(Fixtures.PHONE);

        assertThat(model.screen()).isEqualTo(Screen.NOT_A_LIBRARY_CARD);
        assertThat(model.results().headlineProperty().get()).isEqualTo("That's not a library card");
        assertThat(model.results().messageProperty().get()).contains("Please tap your library card");
        scheduler.advance(Duration.ofSeconds(6));
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
    }

    @Test
    void showsReaderUnavailableWhileNoReaderWorksAndClearsItselfWhenOneReturns() {
        scheduler.advance(Duration.ofSeconds(3));
        reader.lose();

        assertThat(model.screen()).isEqualTo(Screen.READER_UNAVAILABLE);
        assertThat(model.results().headlineProperty().get()).isEqualTo("The card reader is taking a break");
        assertThat(model.statusLine().readerTextProperty().get()).isEqualTo("No card reader");

        reader.attach();

        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
        assertThat(model.statusLine().readerTextProperty().get()).isEqualTo("Reader ready");
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
        store.putSetting(SettingKey.STAFF_AUTH, StaffAuth.CARD_ONLY); // a venue where the card alone suffices
        store.enrolStaffCard(UUID.randomUUID(), "Sam", Fixtures.pseudonymiser().tokenFor(Fixtures.BEN));
        reader.tap(Fixtures.BEN);

        assertThat(model.screen()).isEqualTo(Screen.STAFF);
        assertThat(model.staff().staffNameProperty().get()).isEqualTo("Sam");
        assertThat(model.staff().alertProperty().get()).isEmpty();
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
        assertThat(model.results().headlineProperty().get()).isEqualTo("Sorry, that didn't work");
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

    @Test
    void aGoodPinOpensStaffHomeWithTodaysEventsAndAWrongOneSaysHowManyTriesAreLeft() {
        store.setStaffPin(UUID.randomUUID(), "Sam", new PinHasher(new SecureRandom()).hash("4821"));
        activeEvent("Youth theatre");
        model.openStaffPinPad();
        assertThat(model.screen()).isEqualTo(Screen.STAFF_PIN);
        assertThat(model.staff().pinMessageProperty().get()).isEqualTo("Enter your staff PIN");

        typePin("1234");
        assertThat(model.staff().pinMessageProperty().get())
                .isEqualTo("Wrong PIN. 4 more tries before sign-in locks.");
        assertThat(model.staff().pinDotsProperty().get()).isEmpty();

        model.staff().pinDigit(4);
        model.staff().pinDigit(8);
        assertThat(model.staff().pinDotsProperty().get()).isEqualTo("\u25CF\u25CF");
        model.staff().pinDigit(2);
        model.staff().pinDigit(1);
        model.staff().pinSubmit();

        assertThat(model.screen()).isEqualTo(Screen.STAFF);
        assertThat(model.staff().staffNameProperty().get()).isEqualTo("Sam");
        assertThat(model.staff().events()).singleElement().satisfies(e -> assertThat(e.active()).isTrue());
        assertThat(sounds).isEmpty();
    }

    @Test
    void byDefaultAStaffCardOpensThePinPadForItsHolderAndOnlyTheirPinOpensStaffHome() {
        UUID sam = UUID.randomUUID();
        store.setStaffPin(sam, "Sam", new PinHasher(new SecureRandom()).hash("4821"));
        store.enrolStaffCard(sam, "Sam", Fixtures.pseudonymiser().tokenFor(Fixtures.BEN));
        store.setStaffPin(UUID.randomUUID(), "Kim", new PinHasher(new SecureRandom()).hash("5555"));

        reader.tap(Fixtures.BEN);
        assertThat(model.screen()).isEqualTo(Screen.STAFF_PIN);
        assertThat(model.staff().pinMessageProperty().get()).isEqualTo("Hello, Sam. Enter your PIN.");

        typePin("5555");
        assertThat(model.screen()).as("another member's PIN after Sam's card").isEqualTo(Screen.STAFF_PIN);
        assertThat(model.staff().pinMessageProperty().get()).isEqualTo("Wrong PIN. 4 more tries before sign-in locks.");
        typePin("4821");

        assertThat(model.screen()).isEqualTo(Screen.STAFF);
        assertThat(model.staff().staffNameProperty().get()).isEqualTo("Sam");
        assertThat(sounds).isEmpty();
        assertThat(store.outboxBacklog()).isZero();
    }

    @Test
    void thePinPadFromTheStaffButtonForgetsTheCardTappedBefore() {
        UUID sam = UUID.randomUUID();
        store.setStaffPin(sam, "Sam", new PinHasher(new SecureRandom()).hash("4821"));
        store.enrolStaffCard(sam, "Sam", Fixtures.pseudonymiser().tokenFor(Fixtures.BEN));
        reader.tap(Fixtures.BEN);
        model.staff().leave();

        model.openStaffPinPad();
        assertThat(model.staff().pinMessageProperty().get()).isEqualTo("Enter your staff PIN");
        typePin("4821");

        assertThat(model.screen()).as("Sam has a card: a PIN alone is not enough").isEqualTo(Screen.STAFF_PIN);
    }

    @Test
    void aRevokedStaffCardIsRefusedWithItsOwnWordsAndTheRefusalSound() {
        UUID sam = UUID.randomUUID();
        store.setStaffPin(sam, "Sam", new PinHasher(new SecureRandom()).hash("4821"));
        store.enrolStaffCard(sam, "Sam", Fixtures.pseudonymiser().tokenFor(Fixtures.BEN));
        StaffRows.revoke(dir.resolve("kiosk.db"), sam, clock.instant());

        reader.tap(Fixtures.BEN);

        assertThat(model.screen()).isEqualTo(Screen.STAFF_CARD_REFUSED);
        assertThat(model.results().headlineProperty().get()).isEqualTo("This staff card can't open staff mode");
        assertThat(model.results().messageProperty().get())
                .isEqualTo("This staff card has been withdrawn. Please speak to your IT team.");
        assertThat(sounds).containsExactly(Sounds.Sound.REFUSAL);
        assertThat(store.outboxBacklog()).isZero();
        scheduler.advance(Duration.ofSeconds(6));
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
    }

    @Test
    void aStaffCardWithoutAPinIsRefusedWhereTheVenueNeedsOne() {
        store.enrolStaffCard(UUID.randomUUID(), "Sam", Fixtures.pseudonymiser().tokenFor(Fixtures.BEN));

        reader.tap(Fixtures.BEN);

        assertThat(model.screen()).isEqualTo(Screen.STAFF_CARD_REFUSED);
        assertThat(model.results().messageProperty().get())
                .isEqualTo("This staff card needs a PIN too, and none has been set. Please speak to your IT team.");
    }

    @Test
    void staffModeStaysOpenWhileStaffWorkAndTimesOutAfterAMinuteIdle() {
        store.putSetting(SettingKey.STAFF_AUTH, StaffAuth.CARD_ONLY); // a venue where the card alone suffices
        store.enrolStaffCard(UUID.randomUUID(), "Sam", Fixtures.pseudonymiser().tokenFor(Fixtures.BEN));
        reader.tap(Fixtures.BEN);
        scheduler.advance(Duration.ofSeconds(50));
        model.staff().eventList();
        scheduler.advance(Duration.ofSeconds(50));
        assertThat(model.screen()).isEqualTo(Screen.STAFF_EVENTS);
        model.staffActivity();
        scheduler.advance(Duration.ofSeconds(59));
        assertThat(model.screen()).isEqualTo(Screen.STAFF_EVENTS);

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
    }

    @Test
    void staffCreateAnEventMakeItActiveAndATapCountsAgainstIt() {
        model.show(new CheckInResult.StaffCard("Sam"));
        model.staff().newEvent();
        EventDraft draft = model.staff().draftProperty().get();
        assertThat(draft.startTime()).isEqualTo("19:00");

        model.staff().save(new EventDraft(null, "", null, null, draft.mode(), draft.day(), "18:00", "20:00",
                draft.ageBand(), ""));
        assertThat(model.staff().editorErrorsProperty().get()).isEqualTo("Give the event a title (up to 120 characters)."
                + "\nChoose a sector.");
        assertThat(model.screen()).isEqualTo(Screen.STAFF_EDITOR);

        model.staff().save(new EventDraft(null, "Poetry slam", Sector.ARTS, ArtsActivity.READING_WRITING,
                Mode.TAKE_PART, draft.day(), "18:00", "20:00", AgeBand.AGE_16_18, "40"));
        assertThat(model.screen()).isEqualTo(Screen.STAFF_EVENTS);
        StoredEvent saved = model.staff().events().get(0);
        assertThat(saved.origin()).isEqualTo(EventOrigin.KIOSK);
        model.staff().makeActive(saved.event().id());
        model.staff().leave();
        assertThat(model.statusLine().eventLineProperty().get()).isEqualTo("Now on: Poetry slam");

        reader.tap(Fixtures.AMIRA);

        assertThat(model.results().messageProperty().get()).isEqualTo("You're checked in to Poetry slam");
        assertThat(store.hasCheckedInToEvent(Fixtures.pseudonymiser().tokenFor(Fixtures.AMIRA), saved.event().id()))
                .isTrue();
    }

    @Test
    void aLanguageChosenOnAttractLastsUntilTheResultIsOver() {
        model.chooseLanguage(Locale.forLanguageTag("pl"));
        assertThat(model.statusLine().eventLineProperty().get()).isEqualTo("Zapraszamy o każdej porze");
        assertThat(model.statusLine().dateProperty().get()).isEqualTo("sobota 14 marca");

        reader.tap(Fixtures.AMIRA);
        assertThat(model.results().headlineProperty().get()).isEqualTo("Witaj!");

        scheduler.advance(Duration.ofSeconds(4));
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
        assertThat(model.messages().locale().getLanguage()).isEqualTo("en");
        assertThat(model.statusLine().eventLineProperty().get()).isEqualTo("Drop in any time");
    }

    @Test
    void aLanguageChosenButNotUsedGoesBackToTheVenuesAfterAMinute() {
        model.chooseLanguage(Locale.forLanguageTag("pt"));
        scheduler.advance(Duration.ofSeconds(59));
        assertThat(model.statusLine().eventLineProperty().get()).isEqualTo("Entre quando quiser");

        scheduler.advance(Duration.ofSeconds(1));

        assertThat(model.statusLine().eventLineProperty().get()).isEqualTo("Drop in any time");
    }

    @Test
    void aFastScannedBarcodeIsATapAndSlowTypingIsNot() {
        typeAt("29384756\r", Duration.ofMillis(200));
        assertThat(model.screen()).isEqualTo(Screen.ATTRACT);
        assertThat(results).isEmpty();

        typeAt("29384756\r", Duration.ofMillis(6));

        assertThat(model.screen()).isEqualTo(Screen.WELCOME);
        assertThat(results).singleElement().isInstanceOfSatisfying(CheckInResult.GeneralVisit.class,
                visit -> assertThat(visit.checkIn().cardKind()).isEqualTo(CardKind.BARCODE));
    }

    @Test
    void aScannerSendingGarbageIsRefusedAsNotALibraryCardAndNothingIsRecorded() {
        typeAt("*2938;4756*\r", Duration.ofMillis(6));

        assertThat(model.screen()).isEqualTo(Screen.NOT_A_LIBRARY_CARD);
        assertThat(model.results().headlineProperty().get()).isEqualTo("That's not a library card");
        assertThat(store.outboxBacklog()).isZero();
    }

    @Test
    void playsTheSuccessSoundForAWelcomeAndTheRefusalSoundForAPhone() {
        reader.tap(Fixtures.AMIRA);
        reader.tap(Fixtures.AMIRA);
        reader.tap(Fixtures.PHONE);

        assertThat(sounds).containsExactly(Sounds.Sound.SUCCESS, Sounds.Sound.SUCCESS, Sounds.Sound.REFUSAL);
    }

    @Test
    void savedSettingsChangeTheLanguageAndAreKept() {
        model.show(new CheckInResult.StaffCard("Sam"));
        model.staff().settings();
        DisplaySettings chosen = new DisplaySettings(Locale.forLanguageTag("pt"), true, 150, 40);

        model.staff().saveSettings(chosen);

        assertThat(model.settings()).isEqualTo(chosen);
        assertThat(desk.settings()).isEqualTo(chosen);
        assertThat(model.messages().text("welcome.headline")).isEqualTo("Bem-vindo!");
        assertThat(model.screen()).isEqualTo(Screen.STAFF_SETTINGS);
    }

    @Test
    void theStatusScreenListsReadersLastTapBacklogAndDisk() {
        reader.tap(Fixtures.AMIRA);
        model.show(new CheckInResult.StaffCard("Sam"));
        model.staff().status();

        List<String> rows = model.staff().statusRowsProperty().get().stream().map(row -> row.label() + ": " + row.value())
                .toList();
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0)).isEqualTo("Card readers: " + FakeCardReader.NAME);
        assertThat(rows.get(1)).isEqualTo("Last check-in: 18:30");
        assertThat(rows.get(2)).isEqualTo("Waiting to send: 1");
        assertThat(rows.get(3)).isEqualTo("Last sent to central: Never");
        assertThat(rows.get(4)).matches("Free disk space: [0-9.,]+ GB");
        assertThat(model.staff().statusRowsProperty().get().get(5)).as("no row from the sync agent yet: not an alert")
                .isEqualTo(new StatusRow("Disk budget", "Unknown", "", StatusRow.Tone.NORMAL));
    }

    @Test
    void theDiskBudgetRowIsPlainUnderHalfAWarningFromFiftyAndAnAlertFromEightyPercent() {
        model.show(new CheckInResult.StaffCard("Sam"));

        assertThat(diskBudgetRow("alert=NONE percent=23 used=493921239 budget=2147483648 at=2026-03-14T18:28:00Z"))
                .isEqualTo(new StatusRow("Disk budget", "23 % of 2.0 GB used", "", StatusRow.Tone.NORMAL));

        StatusRow half = diskBudgetRow("alert=HALF percent=62 used=1331439862 budget=2147483648 at=2026-03-14T18:28:00Z");
        assertThat(half.value()).isEqualTo("Warning: 62 % of 2.0 GB used");
        assertThat(half.tone()).isEqualTo(StatusRow.Tone.WARNING);
        assertThat(half.advice()).startsWith("Check-ins are still being recorded.").endsWith("Tell IT this week.");

        StatusRow high = diskBudgetRow("alert=HIGH percent=87 used=1868310773 budget=2147483648 at=2026-03-14T18:29:00Z");
        assertThat(high.value()).isEqualTo("Alert: 87 % of 2.0 GB used");
        assertThat(high.tone()).isEqualTo(StatusRow.Tone.ALERT);
        assertThat(high.advice()).contains("nearly full").endsWith("Call IT today.");

        StatusRow over = diskBudgetRow("alert=OVER percent=104 used=2233382993 budget=2147483648 at=2026-03-14T18:29:00Z");
        assertThat(over.value()).isEqualTo("Alert: 104 % of 2.0 GB used, over the budget");
        assertThat(over.tone()).isEqualTo(StatusRow.Tone.ALERT);
        assertThat(over.advice()).endsWith("Call IT now.");
    }

    @Test
    void aDiskBudgetVerdictTheAgentStoppedRefreshingSaysSo() {
        model.show(new CheckInResult.StaffCard("Sam"));

        StatusRow fresh = diskBudgetRow("alert=NONE percent=23 used=493921239 budget=2147483648 at=2026-03-14T18:15:00Z");
        assertThat(fresh.tone()).as("15 minutes old: still current").isEqualTo(StatusRow.Tone.NORMAL);

        StatusRow stale = diskBudgetRow("alert=NONE percent=23 used=493921239 budget=2147483648 at=2026-03-14T18:14:00Z");
        assertThat(stale.value()).isEqualTo("23 % of 2.0 GB used");
        assertThat(stale.advice()).isEqualTo("Not checked since 18:14: the sync service may have stopped. "
                + "If this lasts, call IT.");
        assertThat(stale.tone()).isEqualTo(StatusRow.Tone.WARNING);

        StatusRow staleAlert = diskBudgetRow("alert=HIGH percent=87 used=1868310773 budget=2147483648"
                + " at=2026-03-13T09:00:00Z");
        assertThat(staleAlert.tone()).isEqualTo(StatusRow.Tone.ALERT);
        assertThat(staleAlert.advice()).endsWith("Call IT today.\nNot checked since 2026-03-13 at 09:00: the sync"
                + " service may have stopped. If this lasts, call IT.");
    }

    /** Writes the sync agent's row into the real store and opens the status screen. */
    private StatusRow diskBudgetRow(String row) {
        SettingRows.put(store.health().file(), "disk.budget", row);
        model.staff().status();
        return model.staff().statusRowsProperty().get().get(5);
    }

    private void typePin(String digits) {
        digits.chars().forEach(c -> model.staff().pinDigit(c - '0'));
        model.staff().pinSubmit();
    }

    private void typeAt(String text, Duration gap) {
        for (char c : text.toCharArray()) {
            clock.advance(gap);
            model.keyTyped(c);
        }
    }

    private void activeEvent(String title) {
        Event event = Fixtures.event(title, clock.instant().minus(Duration.ofMinutes(30)), Duration.ofHours(2));
        store.upsertEvent(event, EventOrigin.KIOSK);
        store.makeActive(event.id());
    }

}
