package org.culturecard.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.culturecard.kiosk.RegisterCardFlowTest.text;
import static org.culturecard.kiosk.RegisterCardFlowTest.waitFor;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.kiosk.config.EnrolmentConfig;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kiosk.config.SchemeKeyFile;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.ui.fx.BackgroundTaskExecutor;
import org.culturecard.kiosk.ui.fx.FxUiThread;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kiosk.ui.shell.KioskTimings;
import org.culturecard.reader.SimulatedCardReader;
import org.culturecard.testsupport.logging.LogCapture;
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

/**
 * "Register my card" on the attract screen of a self-service kiosk, by touch alone, in a real
 * (headless, Monocle) scene: the card tapped on the simulated reader gives its chip (not a check-in),
 * its number typed on the on-screen keyboard as a scanner would, the PIN on the number pad; the
 * kiosk's real SIP2 client asks sip2's test server; the real SQLite store keeps the enrolment. A
 * wrong PIN stores nothing; neither the number nor the PIN reaches the log or the database.
 */
@ExtendWith(ApplicationExtension.class)
class SelfRegisterFlowTest {
    private static final String NUMBER = "29384756";
    private static final String PIN = "40213";
    @TempDir
    static Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-14T18:30:00Z");
    private final LogCapture logs = new LogCapture();
    private Sip2TestServer lms;
    private SimulatedCardReader reader;
    private KioskApp app;
    private BackgroundTaskExecutor executor;
    private KioskWindow window;
    private Path kioskDir;

    @Start
    void start(Stage stage) throws Exception {
        lms = Sip2TestServer.builder().clock(clock)
                .patron(Sip2TestPatron.valid(NUMBER, "Amira Okafor").withPin(PIN).bornOn(LocalDate.of(2012, 5, 20))
                        .expiringOn(LocalDate.of(2028, 1, 31)))
                .start();
        reader = new SimulatedCardReader(clock);
        KioskTimings quick = new KioskTimings(Duration.ofMillis(1200), Duration.ofMillis(1200), Duration.ofSeconds(60),
                Duration.ofMillis(1), Duration.ofSeconds(15));
        Properties settings = new Properties();
        settings.setProperty("sip2.host", lms.host());
        settings.setProperty("sip2.port", Integer.toString(lms.port()));
        settings.setProperty("sip2.read-timeout-ms", "3000");
        settings.setProperty(EnrolmentConfig.SELF_SERVICE, "true");
        kioskDir = dir.resolve("kiosk-" + System.nanoTime());
        app = KioskApp.compose(KioskConfig.demo(kioskDir), EnrolmentConfig.from(settings, Map.of()), reader,
                KioskHooks.builder().clock(clock).timings(quick).build());
        executor = new BackgroundTaskExecutor(new FxUiThread());
        window = KioskWindow.open(stage, app, new KioskThreads(executor, executor, new FxUiThread()), (s, v) -> { });
    }

    @AfterEach
    void stop() {
        executor.close();
        app.close();
        lms.close();
        logs.close();
    }

    @Test
    void aCardHolderRegistersTheirCardWithTapScanAndPinAndAWrongPinStoresNothing(FxRobot robot) throws Exception {
        robot.clickOn(".self-register-button");
        waitFor(() -> screen() == Screen.SELF_REGISTER);
        assertThat(text(robot, ".self-register .register-chip"))
                .isEqualTo("Tap your card on the reader, scan its barcode, then type your PIN.");

        reader.tap(Fixtures.AMIRA, CardKind.MIFARE_CLASSIC_1K);
        waitFor(() -> "Card tapped. Now scan its barcode and type your PIN.".equals(text(robot, ".self-register .register-chip")));
        typeOnScreen(robot, ".self-number", NUMBER);
        typeOnScreen(robot, ".self-pin", "9999");
        assertThat(robot.lookup("#key-q").tryQuery()).as("the number pad shows for the PIN").isEmpty();
        robot.clickOn(".self-submit");
        waitFor(() -> "That PIN is not right for this card.".equals(text(robot, ".self-register .register-result")));
        assertThat(app.store().enrolmentBacklog()).isZero();
        assertThat(field(robot, ".self-pin").getText()).isEmpty();

        typeOnScreen(robot, ".self-number", NUMBER);
        typeOnScreen(robot, ".self-pin", PIN);
        robot.clickOn(".self-submit");
        waitFor(() -> "Registered. Age band: 11-15".equals(text(robot, ".self-register .register-result")));
        assertThat(text(robot, ".self-register .register-chip")).isEqualTo("All done. You can tap your card to check in.");
        assertThat(app.store().enrolmentBacklog()).isEqualTo(1);
        assertThat(app.store().outboxBacklog()).as("the tap was the card's chip, not a check-in").isZero();
        Pseudonymiser tokens = new Pseudonymiser(SchemeKeyFile.load(app.config().schemeKeyPath()));
        assertThat(app.store().undoableToday()).singleElement().satisfies(record -> {
            assertThat(record.chipToken()).isEqualTo(tokens.tokenFor(Fixtures.AMIRA));
            assertThat(record.barcodeToken()).isEqualTo(tokens.tokenForBarcode(NUMBER));
            assertThat(record.staffId()).as("nobody's staff").isNull();
        });

        robot.clickOn(".self-cancel");
        waitFor(() -> screen() == Screen.ATTRACT);
        assertThat(logs.lines()).anyMatch(line -> line.contains("enrolled"))
                .noneMatch(line -> line.contains(NUMBER) || line.contains(PIN) || line.contains("9999")
                        || line.contains("Amira"));
        app.store().close();
        for (Path file : Files.list(kioskDir).toList()) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(bytes).as(file.toString()).doesNotContain(NUMBER).doesNotContain(PIN).doesNotContain("Amira")
                    .doesNotContain("20120520");
        }
    }

    @Test
    void aNumberThatIsNotOneAndAMissingPinAreAskedAgainAndTheLibrarySystemIsNotAsked(FxRobot robot) throws Exception {
        robot.clickOn(".self-register-button");
        waitFor(() -> screen() == Screen.SELF_REGISTER);
        int asked = lms.received().size();

        typeOnScreen(robot, ".self-number", "12");
        typeOnScreen(robot, ".self-pin", PIN);
        robot.clickOn(".self-submit");
        waitFor(() -> "That is not a library card number. Scan or type it again.".equals(text(robot, ".self-register .register-result")));

        typeOnScreen(robot, ".self-number", NUMBER);
        robot.interact(() -> field(robot, ".self-pin").clear());
        robot.clickOn(".self-submit");
        waitFor(() -> "Type your library card PIN on the number pad.".equals(text(robot, ".self-register .register-result")));
        assertThat(lms.received()).hasSize(asked);
        assertThat(app.store().enrolmentBacklog()).isZero();
    }

    private void typeOnScreen(FxRobot robot, String selector, String text) {
        robot.clickOn(selector);
        for (char c : text.toCharArray()) {
            robot.clickOn("#key-" + c);
        }
    }

    private Screen screen() {
        return window.model().screen();
    }

    private static TextInputControl field(FxRobot robot, String selector) {
        return robot.lookup(selector).queryAs(TextInputControl.class);
    }
}
