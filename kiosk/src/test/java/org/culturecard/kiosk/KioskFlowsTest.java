package org.culturecard.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.staff.PinHasher;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kiosk.config.SchemeKeyFile;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.testing.SettingRows;
import org.culturecard.kiosk.testing.StaffRows;
import org.culturecard.kiosk.ui.fx.BackgroundTaskExecutor;
import org.culturecard.kiosk.ui.fx.FxUiThread;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.shell.KioskTimings;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kiosk.ui.sound.Sounds;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.kioskdb.StoredEvent;
import org.culturecard.reader.SimulatedCardReader;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The kiosk's flows in a real (headless, Monocle) scene with the real SQLite store and the
 * simulated card reader (which also records the beep-and-light feedback the kiosk sends).
 */
@ExtendWith(ApplicationExtension.class)
class KioskFlowsTest {
    private static final String PIN = "4821";
    private static final String ADA_PIN = "739104";
    private static final CardUid ADA_CARD = Fixtures.uid("04c0ffee123456");
    @TempDir
    static Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private final List<Sounds.Sound> sounds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private SimulatedCardReader reader;
    private KioskApp app;
    private BackgroundTaskExecutor executor;
    private KioskWindow window;
    private Pseudonymiser pseudonymiser;

    @Start
    void start(Stage stage) {
        reader = new SimulatedCardReader(clock);
        KioskTimings quick = new KioskTimings(Duration.ofMillis(1200), Duration.ofMillis(1200), Duration.ofSeconds(60),
                Duration.ofMillis(1), Duration.ofSeconds(15));
        KioskHooks hooks = KioskHooks.builder().clock(clock).timings(quick).build();
        app = KioskApp.compose(KioskConfig.demo(dir.resolve("kiosk-" + System.nanoTime())), reader, hooks);
        pseudonymiser = new Pseudonymiser(SchemeKeyFile.load(app.config().schemeKeyPath()));
        app.store().setStaffPin(UUID.randomUUID(), "Sam", new PinHasher(new SecureRandom()).hash(PIN));
        app.store().enrolStaffCard(UUID.randomUUID(), "Sam", pseudonymiser.tokenFor(Fixtures.BEN));
        executor = new BackgroundTaskExecutor(new FxUiThread());
        window = KioskWindow.open(stage, app, new KioskThreads(executor, executor, new FxUiThread()),
                (sound, volume) -> sounds.add(sound));
    }

    @AfterEach
    void stop() {
        executor.close();
        app.close();
    }

    @Test
    void aSecondTapSaysAlreadyCheckedInAndTheReaderLightsGreen(FxRobot robot) throws Exception {
        tap(Fixtures.AMIRA);
        waitFor(() -> screen() == Screen.WELCOME);
        tap(Fixtures.AMIRA);
        waitFor(() -> "You're already checked in".equals(text(robot, ".result-headline")));

        assertThat(text(robot, ".result-message")).isEqualTo("We've counted your visit today. Enjoy!");
        assertThat(reader.signals()).containsExactly(new SimulatedCardReader.Signal(SimulatedCardReader.READER_NAME,
                true), new SimulatedCardReader.Signal(SimulatedCardReader.READER_NAME, true));
        assertThat(sounds).containsExactly(Sounds.Sound.SUCCESS, Sounds.Sound.SUCCESS);
    }

    @Test
    void aPhoneIsRefusedKindlyWithTheRefusalSoundAndARedLight(FxRobot robot) throws Exception {
        tap(Fixtures.PHONE);
        waitFor(() -> screen() == Screen.NOT_A_LIBRARY_CARD);

        assertThat(text(robot, ".result-headline")).isEqualTo("That's not a library card");
        assertThat(robot.lookup(".result-hint").query().isVisible()).isTrue();
        assertThat(reader.signals()).containsExactly(new SimulatedCardReader.Signal(SimulatedCardReader.READER_NAME,
                false));
        assertThat(sounds).containsExactly(Sounds.Sound.REFUSAL);
        assertThat(app.store().outboxBacklog()).isZero();
        waitFor(() -> screen() == Screen.ATTRACT);
    }

    @Test
    void fiveWrongPinsLockStaffModeEvenForTheRightPin(FxRobot robot) throws Exception {
        robot.clickOn(".staff-button");
        waitFor(() -> screen() == Screen.STAFF_PIN);
        for (int attempt = 1; attempt <= 5; attempt++) {
            robot.type(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.ENTER);
            waitFor(() -> !window.model().staff().pinBusyProperty().get());
        }
        assertThat(text(robot, ".pin-message")).isEqualTo("Too many wrong PINs. Staff sign-in is locked for 5 min.");

        robot.type(KeyCode.DIGIT4, KeyCode.DIGIT8, KeyCode.DIGIT2, KeyCode.DIGIT1, KeyCode.ENTER);
        waitFor(() -> !window.model().staff().pinBusyProperty().get());

        assertThat(screen()).isEqualTo(Screen.STAFF_PIN);
        assertThat(text(robot, ".pin-message")).isEqualTo("Too many wrong PINs. Staff sign-in is locked for 5 min.");
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> screen() == Screen.ATTRACT);
    }

    @Test
    void theRightPinTypedOnTheKeysOpensStaffHome(FxRobot robot) throws Exception {
        robot.clickOn(".staff-button");
        for (char digit : PIN.toCharArray()) {
            robot.clickOn(String.valueOf(digit));
        }
        assertThat(text(robot, ".pin-dots")).isEqualTo("\u25CF\u25CF\u25CF\u25CF");
        robot.clickOn("OK");

        waitFor(() -> screen() == Screen.STAFF);
        assertThat(text(robot, ".staff-title")).isEqualTo("Hello, Sam");
    }

    @Test
    void staffCreateAnEventMakeItActiveAndATapRecordsAgainstIt(FxRobot robot) throws Exception {
        cardAloneOpensStaffMode();
        tap(Fixtures.BEN);
        waitFor(() -> screen() == Screen.STAFF);
        robot.clickOn("New event");
        waitFor(() -> screen() == Screen.STAFF_EDITOR);
        robot.clickOn(".editor-title").write("Poetry slam");
        robot.type(KeyCode.TAB, KeyCode.DOWN, KeyCode.TAB, KeyCode.DOWN);
        robot.clickOn("Save event");
        waitFor(() -> screen() == Screen.STAFF_EVENTS && !window.model().staff().events().isEmpty());
        StoredEvent saved = window.model().staff().events().get(0);
        assertThat(saved.event().title()).isEqualTo("Poetry slam");
        assertThat(saved.event().category().activity()).isNotNull();

        robot.clickOn("Make active");
        waitFor(() -> app.store().activeEvent().isPresent());
        waitFor(() -> robot.lookup("Active now").tryQuery().isPresent());
        robot.clickOn("Leave");
        waitFor(() -> screen() == Screen.ATTRACT);
        waitFor(() -> "Now on: Poetry slam".equals(text(robot, ".event-pill")));

        tap(Fixtures.AMIRA);
        waitFor(() -> screen() == Screen.WELCOME);

        assertThat(text(robot, ".result-message")).isEqualTo("You're checked in to Poetry slam");
        assertThat(app.store().hasCheckedInToEvent(pseudonymiser.tokenFor(Fixtures.AMIRA), saved.event().id())).isTrue();
        assertThat(app.store().isPublished(saved.event().id())).isFalse();
    }

    @Test
    void theStatusScreenMarksTheSyncAgentsDiskBudgetAsAWarningAndThenAnAlert(FxRobot robot) throws Exception {
        cardAloneOpensStaffMode();
        SettingRows.put(app.store().health().file(), "disk.budget", "alert=HALF percent=62 used=1331439862 budget=2147483648"
                + " at=2026-03-14T18:29:00Z");
        tap(Fixtures.BEN);
        waitFor(() -> screen() == Screen.STAFF);
        robot.clickOn("Status");
        waitFor(() -> text(robot, ".status-warning .status-value") != null);

        assertThat(text(robot, ".status-warning .status-value")).isEqualTo("Warning: 62 % of 2.0 GB used");
        assertThat(text(robot, ".status-warning .status-advice")).endsWith("Tell IT this week.");
        assertThat(robot.lookup(".status-alert").tryQuery()).isEmpty();

        SettingRows.put(app.store().health().file(), "disk.budget", "alert=HIGH percent=87 used=1868310773 budget=2147483648"
                + " at=2026-03-14T18:30:00Z");
        robot.clickOn("Status");
        waitFor(() -> text(robot, ".status-alert .status-value") != null);

        assertThat(text(robot, ".status-alert .status-value")).isEqualTo("Alert: 87 % of 2.0 GB used");
        assertThat(text(robot, ".status-alert .status-advice")).endsWith("Call IT today.");
        assertThat(robot.lookup(".status-warning").tryQuery()).isEmpty();
        assertNothingCut(robot, "status with an alert");
    }

    @Test
    void aLanguageButtonSwitchesTheScreensUntilTheResultIsOver(FxRobot robot) throws Exception {
        robot.clickOn("Lietuvių");
        waitFor(() -> "Pridėkite bibliotekos kortelę čia".equals(text(robot, ".tap-headline")));
        assertThat(text(robot, ".event-pill")).isEqualTo("Užsukite bet kada");

        tap(Fixtures.AMIRA);
        waitFor(() -> screen() == Screen.WELCOME);
        assertThat(text(robot, ".result-headline")).isEqualTo("Sveiki!");

        waitFor(() -> screen() == Screen.ATTRACT);
        waitFor(() -> "Tap your library card here".equals(text(robot, ".tap-headline")));
    }

    @Test
    void readerLostShowsTheBreakScreenUntilItIsBack(FxRobot robot) throws Exception {
        reader.readerLost(SimulatedCardReader.READER_NAME);
        waitFor(() -> screen() == Screen.READER_UNAVAILABLE);
        assertThat(text(robot, ".result-headline")).isEqualTo("The card reader is taking a break");

        reader.readerAttached(SimulatedCardReader.READER_NAME);

        waitFor(() -> screen() == Screen.ATTRACT);
        assertThat(robot.lookup(".attract").query().isVisible()).isTrue();
    }

    @Test
    void aBarcodeScanOnTheAttractScreenChecksTheCardIn(FxRobot robot) throws Exception {
        typeKeys(robot, "29384756\r");

        waitFor(() -> screen() == Screen.WELCOME);
        assertThat(text(robot, ".result-headline")).isEqualTo("Welcome!");
        assertThat(app.store().hasGeneralVisitOn(pseudonymiser.tokenForBarcode("29384756"),
                java.time.LocalDate.of(2026, 3, 14))).isTrue();
        assertThat(reader.signals()).isEmpty();
    }

    @Test
    void at200PercentTextNoLabelIsCutOff(FxRobot robot) throws Exception {
        cardAloneOpensStaffMode();
        robot.interact(() -> window.model().staff().saveSettings(
                new DisplaySettings(Locale.forLanguageTag("pl"), false, 200, 80)));
        waitFor(() -> window.model().settings().textScale() == 200);
        assertNothingCut(robot, "attract");

        tap(Fixtures.AMIRA);
        waitFor(() -> screen() == Screen.WELCOME);
        assertNothingCut(robot, "welcome");
        tap(Fixtures.PHONE);
        waitFor(() -> screen() == Screen.NOT_A_LIBRARY_CARD);
        assertNothingCut(robot, "not a library card");
        robot.interact(() -> window.model().openStaffPinPad());
        assertNothingCut(robot, "PIN pad");
        tap(Fixtures.BEN);
        waitFor(() -> screen() == Screen.STAFF);
        for (Runnable page : List.<Runnable>of(() -> window.model().staff().newEvent(),
                () -> window.model().staff().status(), () -> window.model().staff().settings())) {
            robot.interact(page);
            WaitForAsyncUtils.waitForFxEvents();
            assertNothingCut(robot, screen().name());
        }
    }

    // ---- helpers ----

    @Test
    void byDefaultAStaffCardThenItsHoldersPinOnThePadOpensStaffHome(FxRobot robot) throws Exception {
        enrolAda();
        tap(ADA_CARD);
        waitFor(() -> screen() == Screen.STAFF_PIN);
        assertThat(text(robot, ".pin-message")).isEqualTo("Hello, Ada. Enter your PIN.");

        for (char digit : ADA_PIN.toCharArray()) {
            robot.clickOn(String.valueOf(digit));
        }
        robot.clickOn("OK");

        waitFor(() -> screen() == Screen.STAFF);
        assertThat(text(robot, ".staff-title")).isEqualTo("Hello, Ada");
        assertThat(reader.signals()).containsExactly(new SimulatedCardReader.Signal(SimulatedCardReader.READER_NAME,
                true));
        assertThat(sounds).isEmpty();
        assertThat(app.store().outboxBacklog()).isZero();
    }

    @Test
    void aRevokedStaffCardIsRefusedOnScreenWithARedLightAndNothingRecorded(FxRobot robot) throws Exception {
        UUID ada = enrolAda();
        StaffRows.revoke(app.config().databasePath(), ada, clock.instant());

        tap(ADA_CARD);
        waitFor(() -> screen() == Screen.STAFF_CARD_REFUSED);

        assertThat(text(robot, ".result-headline")).isEqualTo("This staff card can't open staff mode");
        assertThat(text(robot, ".result-message"))
                .isEqualTo("This staff card has been withdrawn. Please speak to your IT team.");
        assertThat(robot.lookup(".result-hint").query().isVisible()).isFalse();
        assertThat(reader.signals()).containsExactly(new SimulatedCardReader.Signal(SimulatedCardReader.READER_NAME,
                false));
        assertThat(sounds).containsExactly(Sounds.Sound.REFUSAL);
        assertThat(app.store().outboxBacklog()).isZero();
        waitFor(() -> screen() == Screen.ATTRACT);
    }

    /** Ada has a staff card and a PIN, as `provision staff add` and `staff card` enrol staff at central. */
    private UUID enrolAda() {
        UUID ada = UUID.randomUUID();
        app.store().setStaffPin(ada, "Ada", new PinHasher(new SecureRandom()).hash(ADA_PIN));
        app.store().enrolStaffCard(ada, "Ada", pseudonymiser.tokenFor(ADA_CARD));
        return ada;
    }

    /** These flows are about staff mode's screens, at a venue where a staff card alone opens it (as before ADR 0012). */
    private void cardAloneOpensStaffMode() {
        app.store().putSetting(SettingKey.STAFF_AUTH, StaffAuth.CARD_ONLY);
    }

    private void tap(CardUid uid) {
        reader.tap(uid, CardKind.MIFARE_CLASSIC_1K);
    }

    private Screen screen() {
        return window.model().screen();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String selector) {
        return robot.lookup(selector).match(KioskFlowsTest::shown).tryQuery().map(node -> ((Labeled) node).getText())
                .orElse(null);
    }

    /** Visible, and so are all its parents. */
    private static boolean shown(Node node) {
        for (Node up = node; up != null; up = up.getParent()) {
            if (!up.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Key events as a keyboard-wedge scanner sends them: typed characters, in a burst. */
    private void typeKeys(FxRobot robot, String characters) {
        robot.interact(() -> {
            Scene scene = window.view().getScene();
            for (char c : characters.toCharArray()) {
                javafx.event.Event.fireEvent(scene.getFocusOwner() == null ? scene.getRoot() : scene.getFocusOwner(),
                        new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false,
                                false, false));
            }
        });
    }

    /** Every visible label and button shows its whole text (no ellipsis) inside the window. */
    private void assertNothingCut(FxRobot robot, String where) {
        robot.interact(() -> {
            Scene scene = window.view().getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            List<String> cut = new ArrayList<>();
            collect(scene.getRoot(), scene, cut);
            assertThat(cut).as("cut-off text on " + where).isEmpty();
        });
    }

    private static void collect(Node node, Scene scene, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            boolean ellipsised = labeled.lookupAll(".text").stream().filter(Text.class::isInstance)
                    .map(t -> ((Text) t).getText()).anyMatch(shown -> !shown.equals(labeled.getText())
                            && shown.endsWith(labeled.getEllipsisString()));
            var bounds = labeled.localToScene(labeled.getLayoutBounds());
            boolean outside = bounds.getMinX() < -0.5 || bounds.getMinY() < -0.5
                    || bounds.getMaxX() > scene.getWidth() + 0.5 || bounds.getMaxY() > scene.getHeight() + 0.5;
            if (ellipsised || (outside && !insideScroll(labeled))) {
                cut.add(labeled.getStyleClass() + " '" + labeled.getText() + "' " + bounds);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, scene, cut);
            }
        }
    }

    private static boolean insideScroll(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof javafx.scene.control.ScrollPane) {
                return true;
            }
        }
        return false;
    }
}
