package org.culturecard.kiosk;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.enrolment.EnrolledFilter;
import org.culturecard.core.event.Event;
import org.culturecard.kiosk.cds.ClassDataArchive;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.kiosk.ui.fx.BackgroundTaskExecutor;
import org.culturecard.kiosk.ui.fx.FxUiThread;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kiosk.ui.sound.Sounds;
import org.culturecard.kioskdb.EnrolledFilterFile;
import org.culturecard.kioskdb.EventOrigin;
import org.culturecard.reader.SimulatedCardReader;

/**
 * The kiosk's three figures, in one headless (Monocle) JVM with the real SQLite store (WAL,
 * synchronous=FULL) and a real scene: cold start (JVM start to the attract screen laid out), tap to
 * result screen (the reader event, the check-in committed to disk with its outbox row, the welcome
 * screen through its next layout pulse) as p50/p99 over N taps (after 20 untimed ones), and resident
 * memory (VmRSS) after 1,000 taps. Usage: {@code scripts/bench-kiosk.sh [N]}. Nothing here asserts a time.
 * With {@code -Dbench.filter=K} (in JAVA_OPTS) an enrolled-card filter of K other cards is stored
 * beside the database first, so every tap takes the filter's slowest path (a lookup that misses, then
 * the venue's setting read from the database); the venue records silently, so the welcome still shows.
 * Started by bench-kiosk.sh with the kiosk launcher's JVM options, it also writes (first run) or
 * checks (later runs) the kiosk's AppCDS archive, after the figures are taken.
 */
public final class KioskBenchmark {
    private static final int TOTAL_TAPS = 1_000;
    /** Untimed taps first, so that class loading and the JIT's first compilations are not counted. */
    private static final int WARM_UP = 20;

    private KioskBenchmark() {}

    public static void main(String[] args) throws Exception {
        int timed = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        Path dir = Files.createTempDirectory("kiosk-bench");
        Clock clock = Clock.systemDefaultZone();
        SimulatedCardReader reader = new SimulatedCardReader(clock);
        KioskConfig config = KioskConfig.demo(dir);
        int filterCards = Integer.getInteger("bench.filter", 0);
        if (filterCards > 0) {
            EnrolledFilter.Builder filter = EnrolledFilter.builder();
            SplittableRandom random = new SplittableRandom(13);
            for (int i = 0; i < filterCards; i++) {
                filter.add(String.format("%016x", random.nextLong()).repeat(4));
            }
            EnrolledFilterFile.beside(config.databasePath()).store(1, clock.instant(), filter.build().toBytes());
        }
        KioskApp app = KioskApp.compose(config, reader, KioskHooks.builder().clock(clock).build());
        Event event = Fixtures.event("Benchmark night", clock.instant().minus(Duration.ofMinutes(5)), Duration.ofHours(6));
        app.store().upsertEvent(event, EventOrigin.KIOSK);
        app.store().makeActive(event.id());

        Platform.startup(() -> { });
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(new FxUiThread());
        AtomicReference<KioskWindow> window = new AtomicReference<>();
        AtomicReference<Runnable> onPulse = new AtomicReference<>(() -> { });
        CompletableFuture<Long> attractShown = new CompletableFuture<>();
        onFx(() -> {
            Stage stage = new Stage();
            KioskWindow opened = KioskWindow.open(stage, app, new KioskThreads(executor, executor, new FxUiThread()),
                    Sounds.SILENT);
            stage.getScene().addPostLayoutPulseListener(() -> onPulse.get().run());
            onPulse.set(() -> {
                if (opened.model().screen() == Screen.ATTRACT) {
                    attractShown.complete(System.currentTimeMillis());
                }
            });
            window.set(opened);
        });
        long coldStartMs = attractShown.get(30, TimeUnit.SECONDS) - jvmStart;

        long[] nanos = new long[Math.min(timed, TOTAL_TAPS - WARM_UP)];
        for (int i = 0; i < TOTAL_TAPS; i++) {
            long took = tap(reader, window.get(), onPulse, i);
            if (i >= WARM_UP && i - WARM_UP < nanos.length) {
                nanos[i - WARM_UP] = took;
            }
        }
        Arrays.sort(nanos);
        long rssKb = vmRssKb();
        System.out.printf("enrolled-card filter: %s%n", filterCards > 0 ? filterCards + " other cards" : "none");
        System.out.printf("cold start to attract screen: %d ms%n", coldStartMs);
        System.out.printf("tap -> check-in on disk -> result screen shown, %d taps after %d to warm up: p50 %.2f ms,"
                + " p99 %.2f ms, max %.2f ms%n", nanos.length, WARM_UP, ms(percentile(nanos, 50)), ms(percentile(nanos, 99)),
                ms(nanos[nanos.length - 1]));
        System.out.printf("resident memory (VmRSS) after %d taps: %d MB (backlog %d check-ins)%n", TOTAL_TAPS,
                rssKb / 1024, app.store().outboxBacklog());
        ClassDataArchive.fromSystemProperties(System.getProperties())
                .ifPresent(archive -> System.out.printf("AppCDS archive: %s%n", archive.settle()));
        executor.close();
        app.close();
        System.exit(0);
    }

    /** One tap of a new card; returns the nanoseconds from the reader event to the welcome laid out. */
    private static long tap(SimulatedCardReader reader, KioskWindow window, AtomicReference<Runnable> onPulse, int n)
            throws Exception {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        onPulse.set(() -> {
            if (window.model().screen() == Screen.WELCOME) {
                shown.complete(System.nanoTime());
            }
        });
        long start = System.nanoTime();
        reader.tap(uid(n), CardKind.MIFARE_CLASSIC_1K);
        Platform.requestNextPulse();
        long end = shown.get(10, TimeUnit.SECONDS);
        onPulse.set(() -> { });
        onFx(() -> window.model().returnToAttract());
        return end - start;
    }

    private static CardUid uid(int n) {
        return CardUid.of(ByteBuffer.allocate(7).put((byte) 0x04).put((byte) 0x5a).putInt(n).put((byte) 0x11).array());
    }

    /** The p-th percentile of sorted values (nearest rank); EnrolmentBenchmark uses it too. */
    static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long vmRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** Runs {@code work} on the FX thread and waits for it. */
    static void onFx(Runnable work) throws Exception {
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
