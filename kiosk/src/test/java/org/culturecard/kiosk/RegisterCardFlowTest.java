package org.culturecard.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.staff.PinHasher;
import org.culturecard.kiosk.config.EnrolmentConfig;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.ui.fx.BackgroundTaskExecutor;
import org.culturecard.kiosk.ui.fx.FxUiThread;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kiosk.ui.shell.KioskTimings;
import org.culturecard.reader.SimulatedCardReader;
import org.culturecard.testsupport.sip2.Sip2TestPatron;
import org.culturecard.testsupport.sip2.Sip2TestServer;
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
 * "Register a card" by touch alone, in a real (headless, Monocle) scene: the staff PIN on the pad,
 * the card tapped on the simulated reader, its number typed on the on-screen keyboard, the kiosk's
 * real SIP2 client asking sip2's test server in test-support, and the real SQLite store. Also the
 * event editor's number pad.
 */
@ExtendWith(ApplicationExtension.class)
class RegisterCardFlowTest {
    private static final String PIN = "4821";
    private static final String NUMBER = "29384756";
    private static final String NAME = "Amira Okafor";
    @TempDir
    static Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private Sip2TestServer lms;
    private SimulatedCardReader reader;
    private KioskApp app;
    private BackgroundTaskExecutor executor;
    private KioskWindow window;
    private Path kioskDir;

    @Start
    void start(Stage stage) throws Exception {
        lms = Sip2TestServer.builder().clock(clock)
                .patron(Sip2TestPatron.valid(NUMBER, NAME).bornOn(LocalDate.of(2012, 5, 20))
                        .expiringOn(LocalDate.of(2028, 1, 31)))
                .patron(Sip2TestPatron.valid("10000003", "Lost Card").standing(Sip2TestPatron.Standing.LOST))
                .start();
        reader = new SimulatedCardReader(clock);
        KioskTimings quick = new KioskTimings(Duration.ofMillis(1200), Duration.ofMillis(1200), Duration.ofSeconds(60),
                Duration.ofMillis(1), Duration.ofSeconds(15));
        Properties sip2 = new Properties();
        sip2.setProperty("sip2.host", lms.host());
        sip2.setProperty("sip2.port", Integer.toString(lms.port()));
        sip2.setProperty("sip2.read-timeout-ms", "3000");
        kioskDir = dir.resolve("kiosk-" + System.nanoTime());
        app = KioskApp.compose(KioskConfig.demo(kioskDir), EnrolmentConfig.from(sip2, Map.of()), reader,
                KioskHooks.builder().clock(clock).timings(quick).build());
        app.store().setStaffPin(UUID.randomUUID(), "Sam", new PinHasher(new SecureRandom()).hash(PIN));
        executor = new BackgroundTaskExecutor(new FxUiThread());
        window = KioskWindow.open(stage, app, new KioskThreads(executor, executor, new FxUiThread()), (s, v) -> { });
    }

    @AfterEach
    void stop() {
        executor.close();
        app.close();
        lms.close();
    }

    @Test
    void staffRegisterATappedCardByTouchAloneAndCanUndoIt(FxRobot robot) throws Exception {
        signInByTouch(robot);
        robot.clickOn("Register a card");
        waitFor(() -> screen() == Screen.STAFF_REGISTER);
        assertThat(text(robot, ".register-chip")).isEqualTo("Tap the card on the reader, then scan or type its number.");

        reader.tap(Fixtures.AMIRA, CardKind.MIFARE_CLASSIC_1K);
        waitFor(() -> "Card tapped. Now scan or type its number.".equals(text(robot, ".register-chip")));
        typeOnScreen(robot, NUMBER);
        assertThat(field(robot, ".register-number").getText()).isEqualTo(NUMBER);
        robot.clickOn(".register-submit");

        waitFor(() -> "Registered. Age band: 11-15".equals(text(robot, ".register-result")));
        assertThat(app.store().enrolmentBacklog()).isEqualTo(1);
        assertThat(app.store().outboxBacklog()).as("the tap was the card's chip, not a check-in").isZero();
        assertThat(field(robot, ".register-number").getText()).isEmpty();
        waitFor(() -> robot.lookup(".register-undo").tryQuery().isPresent());
        assertThat(text(robot, ".register-today-row")).isEqualTo("18:30: age band 11-15");

        robot.clickOn(".register-undo");
        waitFor(() -> "The registration was undone.".equals(text(robot, ".register-result")));
        assertThat(app.store().enrolmentBacklog()).isEqualTo(2);
        waitFor(() -> robot.lookup(".register-undo").tryQuery().isEmpty());
        assertNoSecretInTheDatabase();
    }

    @Test
    void aLostCardAndANumberThatIsNotOneAreRefusedWithNothingStored(FxRobot robot) throws Exception {
        signInByTouch(robot);
        robot.clickOn("Register a card");
        waitFor(() -> screen() == Screen.STAFF_REGISTER);

        typeOnScreen(robot, "10000003");
        robot.clickOn(".register-submit");
        waitFor(() -> "This card is reported lost. Please see library staff.".equals(text(robot, ".register-result")));

        typeOnScreen(robot, "12");
        robot.clickOn(".register-submit");
        waitFor(() -> "That is not a library card number. Scan or type it again.".equals(text(robot, ".register-result")));

        lms.close();
        typeOnScreen(robot, NUMBER);
        robot.clickOn(".register-submit");
        waitFor(() -> "The library system can't be reached. Try again later: nothing was stored."
                .equals(text(robot, ".register-result")));
        assertThat(app.store().enrolmentBacklog()).isZero();
    }

    @Test
    void theEventEditorsTimesAreTypedOnTheNumberPad(FxRobot robot) throws Exception {
        signInByTouch(robot);
        robot.clickOn("New event");
        waitFor(() -> screen() == Screen.STAFF_EDITOR);
        TextField title = field(robot, ".editor-title");
        robot.interact(() -> title.clear());
        robot.clickOn(".editor-title");
        for (String key : new String[] {"#key-p", "#key-o", "#key-e", "#key-m"}) {
            robot.clickOn(key);
        }
        assertThat(title.getText()).isEqualTo("poem");

        TextField start = robot.lookup(n -> n instanceof TextField t && "Starts (HH:MM)".equals(t.getAccessibleText()))
                .queryAs(TextField.class);
        robot.interact(() -> start.clear());
        robot.clickOn(start);
        for (String key : new String[] {"#key-1", "#key-9", "#key-colon", "#key-4", "#key-5"}) {
            robot.clickOn(key);
        }
        assertThat(start.getText()).isEqualTo("19:45");
        assertThat(robot.lookup("#key-q").tryQuery()).as("the number pad shows for times").isEmpty();
    }

    private void signInByTouch(FxRobot robot) throws Exception {
        robot.clickOn(".staff-button");
        waitFor(() -> screen() == Screen.STAFF_PIN);
        for (char digit : PIN.toCharArray()) {
            robot.clickOn(String.valueOf(digit));
        }
        robot.clickOn("OK");
        waitFor(() -> screen() == Screen.STAFF);
    }

    private void typeOnScreen(FxRobot robot, String number) {
        robot.clickOn(".register-number");
        for (char c : number.toCharArray()) {
            robot.clickOn("#key-" + c);
        }
    }

    private void assertNoSecretInTheDatabase() throws Exception {
        app.store().close();
        for (Path file : Files.list(kioskDir).toList()) {
            String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file.toString()).doesNotContain(NUMBER).doesNotContain("Amira").doesNotContain("2012-05-20").doesNotContain("20120520");
        }
    }

    private Screen screen() {
        return window.model().screen();
    }

    private static TextField field(FxRobot robot, String selector) {
        return robot.lookup(selector).queryAs(TextField.class);
    }

    /** Waits up to 10 s for {@code condition}, then for the FX events it caused (SelfRegisterFlowTest too). */
    static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the labelled node {@code selector} finds, or null when there is none. */
    static String text(FxRobot robot, String selector) {
        return robot.lookup(selector).tryQuery().map(node -> ((Labeled) node).getText()).orElse(null);
    }
}
