package org.culturecard.kiosk;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.testing.SameThreadTasks;
import org.culturecard.kiosk.ui.AttractStatus;
import org.culturecard.kiosk.ui.DemoCard;
import org.culturecard.kiosk.ui.KioskPorts;
import org.culturecard.kiosk.ui.KioskThreads;
import org.culturecard.kiosk.ui.KioskTimings;
import org.culturecard.kiosk.ui.KioskView;
import org.culturecard.kiosk.ui.KioskViewModel;
import org.culturecard.kiosk.ui.Messages;
import org.culturecard.kiosk.ui.SyncIndicator;
import org.culturecard.reader.ReaderEvent;

/**
 * Renders every main kiosk screen to PNG, headless (Monocle), at 1280x800: in English, in Polish,
 * and in the high-contrast theme. Usage (from the repository root):
 * <pre>
 * mvn -B -o -q -pl kiosk test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.culturecard.kiosk.ScreenshotTool -Dexec.args=$PWD/docs/img
 * </pre>
 */
public final class ScreenshotTool {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-19T17:42:00Z"), ZoneId.of("Europe/London"));
    private static final Event EVENT = Fixtures.event("Youth Theatre: A Midsummer Night's Dream",
            Instant.parse("2026-06-19T17:00:00Z"), Duration.ofHours(2));

    private ScreenshotTool() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/img");
        List<Path> written = render(out);
        written.forEach(path -> System.out.println("wrote " + path));
        Platform.exit();
    }

    /** Renders all screens into {@code directory}; returns the files written. */
    public static List<Path> render(Path directory) throws Exception {
        headless();
        Files.createDirectories(directory);
        startToolkit();
        List<Path> files = new ArrayList<>();
        for (Variant variant : List.of(new Variant("", Locale.ENGLISH, false),
                new Variant("-pl", Locale.forLanguageTag("pl"), false), new Variant("-high-contrast", Locale.ENGLISH, true))) {
            shoot(directory, variant, "attract", model -> { }, files);
            shoot(directory, variant, "welcome", model -> model.show(recorded(3)), files);
            shoot(directory, variant, "already-checked-in", model -> model.show(new CheckInResult.AlreadyCheckedIn(EVENT)), files);
            shoot(directory, variant, "not-a-library-card", model -> model.show(new CheckInResult.NotALibraryCard()), files);
            shoot(directory, variant, "reader-unavailable", ScreenshotTool::loseReader, files);
            shoot(directory, variant, "staff", model -> model.show(new CheckInResult.StaffCard("Sam")), files);
        }
        return files;
    }

    private record Variant(String suffix, Locale locale, boolean highContrast) {}

    private static void shoot(Path directory, Variant variant, String name, Consumer<KioskViewModel> setUp,
                              List<Path> files) throws Exception {
        Path file = directory.resolve("kiosk-" + name + variant.suffix() + ".png");
        onFx(() -> {
            KioskViewModel model = model(variant.locale());
            KioskView view = new KioskView(model);
            Scene scene = view.scene(KioskWindow.WIDTH, KioskWindow.HEIGHT, variant.highContrast());
            setUp.accept(model);
            view.applyCss();
            view.layout();
            view.stop();
            write(scene.snapshot(null), file);
        });
        files.add(file);
    }

    private static KioskViewModel model(Locale locale) {
        KioskPorts ports = new KioskPorts(tap -> new CheckInResult.NotALibraryCard(),
                () -> new AttractStatus(Optional.of(EVENT.title()),
                        new SyncIndicator(SyncIndicator.State.CONNECTED, 0, CLOCK.instant()), Optional.of(Path.of(
                        "/var/lib/culturecard/kiosk.db.corrupt-20260619T080102Z"))),
                result -> { });
        KioskViewModel model = new KioskViewModel(Messages.forLocale(locale), "Central Library", ports,
                new KioskThreads(new SameThreadTasks(), ScreenshotTool::onlyImmediate, Runnable::run), CLOCK,
                new KioskTimings(Duration.ofSeconds(4), Duration.ofSeconds(6), Duration.ofSeconds(60), Duration.ZERO,
                        Duration.ofSeconds(15)), List.of(new DemoCard("Amira", () -> { }), new DemoCard("Ben", () -> { }),
                        new DemoCard("Phone", () -> { })));
        model.start();
        model.onReaderEvent(new ReaderEvent.ReaderAttached("ACS ACR1252 PICC", CLOCK.instant()));
        return model;
    }

    /** Runs zero-delay work (the reader grace period) at once and never anything later: screens stay put. */
    private static org.culturecard.kiosk.ui.Scheduler.Cancellable onlyImmediate(Duration delay, Runnable work) {
        if (delay.isZero()) {
            work.run();
        }
        return () -> { };
    }

    private static void loseReader(KioskViewModel model) {
        model.onReaderEvent(new ReaderEvent.ServiceDown("pcscd stopped", CLOCK.instant()));
        model.returnToAttract();
    }

    private static CheckInResult recorded(int visit) {
        CheckIn checkIn = new CheckIn(new UuidV7(CLOCK, new Random(1)).get(), 42, Token.of("c".repeat(64)), EVENT.id(),
                Fixtures.VENUE, Fixtures.KIOSK, CLOCK.instant(), true, CardKind.MIFARE_CLASSIC_1K, "demo");
        return new CheckInResult.Recorded(checkIn, EVENT, visit);
    }

    private static void write(WritableImage image, Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void headless() {
        setIfAbsent("glass.platform", "Monocle");
        setIfAbsent("monocle.platform", "Headless");
        setIfAbsent("prism.order", "sw");
        setIfAbsent("prism.text", "t2k");
        setIfAbsent("java.awt.headless", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Starts the toolkit the way TestFX does, so the tool and TestFX tests can share one JVM. */
    private static void startToolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    private static void onFx(Runnable work) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                work.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }
}
