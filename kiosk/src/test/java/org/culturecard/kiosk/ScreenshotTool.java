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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.status.DiskBudget;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.checkin.ReaderStatus;
import org.culturecard.kiosk.checkin.Registration;
import org.culturecard.kiosk.config.DisplaySettings;
import org.culturecard.kiosk.staff.EventDraft;
import org.culturecard.kiosk.staff.PinOutcome;
import org.culturecard.kiosk.staff.StaffPort;
import org.culturecard.kiosk.staff.StatusFacts;
import org.culturecard.kioskdb.EventOrigin;
import org.culturecard.kioskdb.StoredEvent;
import org.culturecard.kiosk.ui.sound.Sounds;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.testing.SameThreadTasks;
import org.culturecard.kiosk.ui.shell.AttractStatus;
import org.culturecard.kiosk.ui.shell.DemoCard;
import org.culturecard.kiosk.ui.shell.KioskPorts;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.shell.KioskTimings;
import org.culturecard.kiosk.ui.KioskView;
import org.culturecard.kiosk.ui.shell.KioskViewModel;
import org.culturecard.kiosk.ui.shell.SyncIndicator;
import org.culturecard.reader.ReaderEvent;

/**
 * Renders every main kiosk screen (the young people's and the staff's) to PNG, headless (Monocle),
 * at 1280x800: in English, in Polish, and in the high-contrast theme. Usage (from the repository root):
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
        System.exit(0); // the headless toolkit's own shutdown races the JVM's hooks otherwise
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
            shoot(directory, variant, "not-registered", model -> model.show(notRegistered()), files);
            shoot(directory, variant, "not-a-library-card", model -> model.show(new CheckInResult.NotALibraryCard()), files);
            shoot(directory, variant, "reader-unavailable", ScreenshotTool::loseReader, files);
            shoot(directory, variant, "staff-pin", ScreenshotTool::pinPad, files);
            shoot(directory, variant, "staff", model -> model.show(new CheckInResult.StaffCard("Sam")), files);
            shoot(directory, variant, "staff-events", model -> {
                model.show(new CheckInResult.StaffCard("Sam"));
                model.staff().eventList();
            }, files);
            shoot(directory, variant, "staff-editor", model -> {
                model.show(new CheckInResult.StaffCard("Sam"));
                model.staff().newEvent();
            }, files);
            shoot(directory, variant, "staff-status", model -> {
                model.show(new CheckInResult.StaffCard("Sam"));
                model.staff().status();
            }, files);
            for (DiskBudget.Alert alert : List.of(DiskBudget.Alert.HALF, DiskBudget.Alert.HIGH)) {
                shoot(directory, variant, alert == DiskBudget.Alert.HALF ? "staff-status-warning" : "staff-status-alert",
                        alert, model -> {
                            model.show(new CheckInResult.StaffCard("Sam"));
                            model.staff().status();
                        }, files);
            }
            shoot(directory, variant, "staff-register", model -> {
                model.show(new CheckInResult.StaffCard("Sam"));
                model.staff().register().open();
                model.staff().register().register("A29384756B");
            }, files);
            shoot(directory, variant, "self-register", model -> {
                model.selfRegister().open();
                model.selfRegister().register("A29384756B", "1234");
            }, files);
            shoot(directory, variant, "staff-settings", model -> {
                model.show(new CheckInResult.StaffCard("Sam"));
                model.staff().settings();
            }, files);
        }
        Variant large = new Variant("-text-200-pl", Locale.forLanguageTag("pl"), false, 200);
        shoot(directory, large, "attract", model -> { }, files);
        shoot(directory, large, "welcome", model -> model.show(recorded(3)), files);
        shoot(directory, large, "staff-events", model -> {
            model.show(new CheckInResult.StaffCard("Sam"));
            model.staff().eventList();
        }, files);
        return files;
    }

    private record Variant(String suffix, Locale locale, boolean highContrast, int textScale) {
        Variant(String suffix, Locale locale, boolean highContrast) {
            this(suffix, locale, highContrast, 100);
        }
    }

    private static void shoot(Path directory, Variant variant, String name, Consumer<KioskViewModel> setUp,
                              List<Path> files) throws Exception {
        shoot(directory, variant, name, DiskBudget.Alert.NONE, setUp, files);
    }

    private static void shoot(Path directory, Variant variant, String name, DiskBudget.Alert diskAlert,
                              Consumer<KioskViewModel> setUp, List<Path> files) throws Exception {
        Path file = directory.resolve("kiosk-" + name + variant.suffix() + ".png");
        onFx(() -> {
            KioskViewModel model = model(variant, diskAlert);
            KioskView view = new KioskView(model, CLOCK.getZone());
            Scene scene = view.scene(KioskWindow.WIDTH, KioskWindow.HEIGHT);
            setUp.accept(model);
            view.applyCss();
            view.layout();
            view.stop();
            write(scene.snapshot(null), file);
        });
        files.add(file);
    }

    private static KioskViewModel model(Variant variant, DiskBudget.Alert diskAlert) {
        Locale locale = variant.locale();
        StaffPort desk = new ShowcaseDesk(locale, variant.highContrast(), variant.textScale(), diskAlert);
        KioskPorts ports = new KioskPorts(number -> new CheckInResult.NotALibraryCard(),
                () -> new AttractStatus(Optional.of(EVENT.title()),
                        new SyncIndicator(SyncIndicator.State.CONNECTED, 0, CLOCK.instant()), Optional.empty()),
                result -> { }, desk, Sounds.SILENT, new ShowcaseEnrolling());
        KioskViewModel model = new KioskViewModel(desk.settings(),
                "Central Library", ports,
                new KioskThreads(new SameThreadTasks(), ScreenshotTool::onlyImmediate, Runnable::run), CLOCK,
                new KioskTimings(Duration.ofSeconds(4), Duration.ofSeconds(6), Duration.ofSeconds(60), Duration.ZERO,
                        Duration.ofSeconds(15)), List.of(new DemoCard("Amira", () -> { }), new DemoCard("Ben", () -> { }),
                        new DemoCard("Phone", () -> { })));
        model.start();
        model.readersChanged(new ReaderStatus(true, List.of("ACS ACR1252 PICC")));
        return model;
    }

    /** Runs zero-delay work (the reader grace period) at once and never anything later: screens stay put. */
    private static org.culturecard.kiosk.ui.fx.Scheduler.Cancellable onlyImmediate(Duration delay, Runnable work) {
        if (delay.isZero()) {
            work.run();
        }
        return () -> { };
    }

    private static void pinPad(KioskViewModel model) {
        model.openStaffPinPad();
        model.staff().pinDigit(1);
        model.staff().pinDigit(2);
        model.staff().pinDigit(3);
        model.staff().pinSubmit();
        model.staff().pinDigit(4);
        model.staff().pinDigit(5);
    }

    /**
     * Staff data for the pictures: three events today, one of them running, a little backlog, and the
     * sync agent's disk budget at the given alert level.
     */
    private record ShowcaseDesk(Locale language, boolean highContrast, int textScale, DiskBudget.Alert diskAlert)
            implements StaffPort {
        @Override
        public PinOutcome checkPin(String pin) {
            return new PinOutcome.Rejected(3);
        }

        @Override
        public PinOutcome checkPinAfterCard(UUID staffId, String pin) {
            return new PinOutcome.Rejected(3);
        }

        @Override
        public List<StoredEvent> eventsToday() {
            Event morning = Fixtures.event("Rhyme Time for little ones", Instant.parse("2026-06-19T09:30:00Z"),
                    Duration.ofMinutes(45));
            Event comics = new Event(UUID.nameUUIDFromBytes(new byte[] {2}), Fixtures.VENUE, "Comic Art Workshop",
                    new Category(Sector.ARTS, ArtsActivity.ARTS_CRAFTS, Mode.TAKE_PART), AgeBand.AGE_11_15, null,
                    Instant.parse("2026-06-19T13:00:00Z"), Instant.parse("2026-06-19T15:00:00Z"), 20);
            return List.of(new StoredEvent(morning, false, true, EventOrigin.CENTRAL, 14),
                    new StoredEvent(comics, false, false, EventOrigin.KIOSK, 0),
                    new StoredEvent(EVENT, true, false, EventOrigin.KIOSK, 23));
        }

        @Override
        public EventDraft.Check save(EventDraft draft) {
            return draft.check(Fixtures.VENUE, CLOCK.getZone(), () -> UUID.nameUUIDFromBytes(new byte[] {9}));
        }

        @Override
        public boolean makeActive(UUID eventId) {
            return true;
        }

        @Override
        public boolean closeEvent(UUID eventId) {
            return true;
        }

        @Override
        public StatusFacts statusFacts() {
            long budget = 2L << 30;
            int percent = switch (diskAlert) {
                case NONE -> 23;
                case HALF -> 62;
                case HIGH -> 87;
                case OVER -> 104;
            };
            return new StatusFacts(Optional.of(CLOCK.instant().minusSeconds(95)), 3, 41_300_000_000L,
                    Optional.of(new DiskBudget(diskAlert, percent, budget / 100 * percent, budget,
                            CLOCK.instant().minusSeconds(40))));
        }

        @Override
        public DisplaySettings settings() {
            return new DisplaySettings(language, highContrast, textScale, 80);
        }

        @Override
        public void saveSettings(DisplaySettings settings) {
        }
    }

    private static void loseReader(KioskViewModel model) {
        model.readersChanged(new ReaderStatus(false, List.of()));
        model.returnToAttract();
    }

    private static CheckInResult notRegistered() {
        CheckInResult.Recorded recorded = (CheckInResult.Recorded) recorded(1);
        return new CheckInResult.Recorded(recorded.checkIn(), EVENT, 1, Registration.NOT_REGISTERED_REMIND);
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
