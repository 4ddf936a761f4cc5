package org.culturecard.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.PendingAward;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kiosk.config.SchemeKeyFile;
import org.culturecard.kiosk.testing.FakeCardReader;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.ui.fx.BackgroundTaskExecutor;
import org.culturecard.kiosk.ui.fx.FxUiThread;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.shell.KioskTimings;
import org.culturecard.kiosk.ui.sound.Sounds;
import org.culturecard.kioskdb.KioskDb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Awards on the welcome screen (ADR 37), the whole kiosk in a headless scene: an award the sync agent kept in kiosk-db
 * is shown at the card's next tap with its badge and the progress towards the person's goal, marked shown in the same
 * transaction as the check-in, and never shown again; an award without a bundled picture shows the default badge.
 */
@ExtendWith(ApplicationExtension.class)
class AwardOnWelcomeTest {
    @TempDir
    static Path dir;

    private FakeCardReader reader;
    private KioskApp app;
    private BackgroundTaskExecutor executor;

    @Start
    void start(Stage stage) {
        Clock clock = Clock.systemDefaultZone();
        reader = new FakeCardReader(clock);
        KioskTimings quick = new KioskTimings(Duration.ofMillis(1500), Duration.ofMillis(1500), Duration.ofSeconds(60),
                Duration.ofSeconds(3), Duration.ofSeconds(15));
        app = KioskApp.compose(KioskConfig.demo(dir.resolve("kiosk-" + System.nanoTime())), reader,
                KioskHooks.builder().clock(clock).timings(quick).build());
        executor = new BackgroundTaskExecutor(new FxUiThread());
        KioskWindow.open(stage, app, new KioskThreads(executor, executor, new FxUiThread()), Sounds.SILENT);
    }

    @AfterEach
    void stop() {
        executor.close();
        app.close();
    }

    @Test
    void anAwardIsShownWithItsBadgeAndProgressAtTheNextTapAndOnlyOnce(FxRobot robot) throws Exception {
        Token amira = new Pseudonymiser(SchemeKeyFile.load(app.config().schemeKeyPath())).tokenFor(Fixtures.AMIRA);
        keep(PendingAward.of(amira, "museum-explorer", Map.of("en", "Museum Explorer"), "badges/museum-explorer.png")
                .withProgress(1, 2, "Young Explorer"));

        reader.tap(Fixtures.AMIRA);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visible(robot, ".award"));
        assertThat(textOf(robot, ".award")).isEqualTo("You earned: Museum Explorer!");
        assertThat(textOf(robot, ".award-progress")).isEqualTo("1 of 2 towards Young Explorer");
        ImageView badge = robot.lookup("#award-badge").queryAs(ImageView.class);
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getImage().getUrl()).endsWith("badges/museum-explorer.png");
        try (KioskDb agent = KioskDb.open(app.config().databasePath(), KioskDb.Role.SYNC_AGENT)) {
            assertThat(agent.<List<PendingAward>>read("to show", t -> t.awards().forToken(amira))).isEmpty();
            assertThat(agent.<List<AwardsShown.Shown>>read("shown", t -> t.awards().unreported(10)))
                    .extracting(AwardsShown.Shown::achievementId).containsExactly("museum-explorer");
        }
        keep(PendingAward.of(amira, "museum-explorer", Map.of("en", "Museum Explorer"), null)); // central again, not told yet

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visible(robot, ".attract"));
        reader.tap(Fixtures.AMIRA);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visible(robot, ".result"));
        assertThat(visible(robot, ".award")).as("not shown twice").isFalse();
    }

    @Test
    void anAwardWithoutABundledPictureShowsTheDefaultBadge(FxRobot robot) throws Exception {
        Token ben = new Pseudonymiser(SchemeKeyFile.load(app.config().schemeKeyPath())).tokenFor(Fixtures.BEN);
        keep(PendingAward.of(ben, "night-owl", Map.of("en", "Night Owl"), null));

        reader.tap(Fixtures.BEN);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> visible(robot, ".award"));
        assertThat(textOf(robot, ".award")).isEqualTo("You earned: Night Owl!");
        assertThat(visible(robot, ".award-progress")).isFalse();
        assertThat(robot.lookup("#award-badge").queryAs(ImageView.class).getImage().getUrl()).endsWith("badges/default.png");
    }

    private void keep(PendingAward award) {
        try (KioskDb agent = KioskDb.open(app.config().databasePath(), KioskDb.Role.SYNC_AGENT)) {
            agent.write("keep", t -> t.awards().keep(List.of(award), Instant.now()));
        }
    }

    private static String textOf(FxRobot robot, String selector) {
        Node node = robot.lookup(selector).query();
        return ((Labeled) node).getText();
    }

    private static boolean visible(FxRobot robot, String selector) {
        return robot.lookup(selector).query().isVisible();
    }
}
