package org.culturecard.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.culturecard.core.enrolment.EnrolledFilter;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.checkin.Registration;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kiosk.config.SchemeKeyFile;
import org.culturecard.kiosk.testing.FakeCardReader;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.testing.SettingRows;
import org.culturecard.kiosk.ui.fx.BackgroundTaskExecutor;
import org.culturecard.kiosk.ui.shell.DemoCard;
import org.culturecard.kiosk.ui.fx.FxUiThread;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.shell.KioskTimings;
import org.culturecard.kiosk.ui.sound.Sounds;
import org.culturecard.kioskdb.EnrolledFilterFile;
import org.culturecard.kioskdb.SettingKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole kiosk in a real (headless, Monocle) scene: a tap, the welcome, and back to attract; and
 * the not-registered screen.
 */
@ExtendWith(ApplicationExtension.class)
class TapToWelcomeFlowTest {
    @TempDir
    static Path dir;

    private final List<CheckInResult> results = new CopyOnWriteArrayList<>();
    private FakeCardReader reader;
    private KioskApp app;
    private BackgroundTaskExecutor executor;
    private KioskWindow window;

    @Start
    void start(Stage stage) {
        Clock clock = Clock.systemDefaultZone();
        reader = new FakeCardReader(clock);
        KioskTimings quick = new KioskTimings(Duration.ofMillis(1500), Duration.ofMillis(1500), Duration.ofSeconds(60),
                Duration.ofSeconds(3), Duration.ofSeconds(15));
        KioskHooks hooks = KioskHooks.builder().clock(clock).timings(quick).onResult(results::add)
                .demoCards(List.of(new DemoCard("Tap Ben's card", () -> reader.tap(Fixtures.BEN)))).build();
        app = KioskApp.compose(KioskConfig.demo(dir.resolve("kiosk-" + System.nanoTime())), reader, hooks);
        executor = new BackgroundTaskExecutor(new FxUiThread());
        window = KioskWindow.open(stage, app, new KioskThreads(executor, executor, new FxUiThread()), Sounds.SILENT);
    }

    @AfterEach
    void stop() {
        executor.close();
        app.close();
    }

    @Test
    void aTapShowsTheWelcomeScreenThenReturnsToAttract(FxRobot robot) throws Exception {
        assertThat(textOf(robot, ".tap-headline")).isEqualTo("Tap your library card here");
        assertThat(visible(robot, ".attract")).isTrue();

        reader.tap(Fixtures.AMIRA);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visible(robot, ".result"));
        assertThat(textOf(robot, ".result-headline")).isEqualTo("Welcome!");
        assertThat(textOf(robot, ".result-message")).isEqualTo("Thanks for visiting Central Library today");
        assertThat(textOf(robot, ".recognition")).isEqualTo("Your first visit here this year. Great to see you!");
        assertThat(visible(robot, ".attract")).isFalse();
        assertThat(results).singleElement().isInstanceOf(CheckInResult.GeneralVisit.class);
        assertThat(app.store().outboxBacklog()).isEqualTo(1);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visible(robot, ".attract"));
        assertThat(visible(robot, ".result")).isFalse();
    }

    @Test
    void anOnScreenDemoCardChecksIn(FxRobot robot) throws Exception {
        robot.clickOn("Tap Ben's card");

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visible(robot, ".result"));
        assertThat(textOf(robot, ".result-headline")).isEqualTo("Welcome!");
        assertThat(window.model().statusLine().syncTextProperty().get()).isNotBlank();
    }

    /**
     * The enrolled-card filter on screen: with a filter the agent stored beside the database and the
     * venue set to record and remind, an unregistered card is checked in and asked to register, and a
     * registered one welcomed; both are recorded.
     */
    @Test
    void anUnregisteredCardIsAskedToRegisterAndARegisteredOneWelcomed(FxRobot robot) throws Exception {
        KioskConfig config = app.config();
        Pseudonymiser pseudonymiser = new Pseudonymiser(SchemeKeyFile.load(config.schemeKeyPath()));
        EnrolledFilterFile.beside(config.databasePath()).store(1, Instant.now(),
                EnrolledFilter.of(List.of(pseudonymiser.tokenFor(Fixtures.BEN))).toBytes());
        SettingRows.put(config.databasePath(), SettingKey.UNREGISTERED_CARDS.name(), "record-and-remind");

        reader.tap(Fixtures.AMIRA);

        tapShown(robot, 1, Registration.NOT_REGISTERED_REMIND, "You're checked in",
                "Your card isn't registered yet: ask staff");
        assertThat(app.store().outboxBacklog()).as("recorded all the same").isEqualTo(1);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visible(robot, ".attract"));
        reader.tap(Fixtures.BEN);

        tapShown(robot, 2, Registration.REGISTERED, "Welcome!", "Thanks for visiting Central Library today");
        assertThat(app.store().outboxBacklog()).isEqualTo(2);
    }

    /** Waits for the {@code nth} result, a general visit of this registration, and its screen's words. */
    private void tapShown(FxRobot robot, int nth, Registration registration, String headline, String message)
            throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> results.size() == nth);
        assertThat(results.get(nth - 1)).isInstanceOfSatisfying(CheckInResult.GeneralVisit.class,
                visit -> assertThat(visit.registration()).isEqualTo(registration));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visible(robot, ".result"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(textOf(robot, ".result-headline")).isEqualTo(headline);
        assertThat(textOf(robot, ".result-message")).isEqualTo(message);
    }

    private static String textOf(FxRobot robot, String selector) {
        Node node = robot.lookup(selector).query();
        return ((Labeled) node).getText();
    }

    private static boolean visible(FxRobot robot, String selector) {
        return robot.lookup(selector).query().isVisible();
    }
}
