package org.culturecard.kiosk;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardUid;
import org.culturecard.kiosk.config.EnrolmentConfig;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kiosk.ui.fx.BackgroundTaskExecutor;
import org.culturecard.kiosk.ui.fx.FxUiThread;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.sound.Sounds;
import org.culturecard.kiosk.ui.staff.RegisterViewModel;
import org.culturecard.reader.SimulatedCardReader;
import org.culturecard.testsupport.sip2.Sip2TestPatron;
import org.culturecard.testsupport.sip2.Sip2TestServer;

/**
 * Issue 13's enrolment round trip, in one headless (Monocle) JVM with a real scene, the real SQLite
 * store, the kiosk's real SIP2 client (login and checksums on, one reused connection) and sip2's test
 * server on loopback: on the staff "Register a card" page, a card is tapped on the simulated reader,
 * its number is scanned (handed to the page as the scanner's Enter would), and the clock stops when
 * "Registered" is laid out. p50/p99 over N cards after 20 untimed ones, each a different patron.
 * Usage: {@code scripts/bench-enrolment.sh [N]}. Nothing here asserts a time.
 */
public final class EnrolmentBenchmark {
    private static final int WARM_UP = 20;

    private EnrolmentBenchmark() {}

    public static void main(String[] args) throws Exception {
        int timed = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int total = timed + WARM_UP;
        Clock clock = Clock.systemDefaultZone();
        List<Sip2TestPatron> patrons = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            patrons.add(Sip2TestPatron.valid(number(i), "Patron " + i).bornOn(LocalDate.of(2012, 5, 20))
                    .expiringOn(LocalDate.of(2028, 1, 31)));
        }
        Sip2TestServer lms = Sip2TestServer.builder().institution("CC").login("kiosk-1", "s3cret").checksums(true)
                .patrons(patrons).start();
        Properties settings = new Properties();
        settings.setProperty("sip2.host", lms.host());
        settings.setProperty("sip2.port", Integer.toString(lms.port()));
        settings.setProperty("sip2.login.user", "kiosk-1");
        settings.setProperty("sip2.login.password", "s3cret");
        settings.setProperty("sip2.login.location", "CC-1");
        settings.setProperty("sip2.institution", "CC");
        settings.setProperty("sip2.checksums", "true");
        Path dir = Files.createTempDirectory("enrolment-bench");
        SimulatedCardReader reader = new SimulatedCardReader(clock);
        KioskApp app = KioskApp.compose(KioskConfig.demo(dir), EnrolmentConfig.from(settings, Map.of()), reader,
                KioskHooks.builder().clock(clock).build());

        Platform.startup(() -> { });
        BackgroundTaskExecutor executor = new BackgroundTaskExecutor(new FxUiThread());
        AtomicReference<KioskWindow> window = new AtomicReference<>();
        AtomicReference<Runnable> onPulse = new AtomicReference<>(() -> { });
        KioskBenchmark.onFx(() -> {
            Stage stage = new Stage();
            KioskWindow opened = KioskWindow.open(stage, app, new KioskThreads(executor, executor, new FxUiThread()),
                    Sounds.SILENT);
            stage.getScene().addPostLayoutPulseListener(() -> onPulse.get().run());
            opened.model().staff().enter("Benchmark");
            opened.model().staff().register().open();
            window.set(opened);
        });

        long[] nanos = new long[timed];
        for (int i = 0; i < total; i++) {
            long took = enrol(reader, window.get().model().staff().register(), onPulse, i);
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = took;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("enrolment round trip (tap, scan -> \"Registered\" laid out) against the SIP2 test server,"
                + " %d cards after %d to warm up: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d enrolments stored)%n",
                nanos.length, WARM_UP, KioskBenchmark.ms(KioskBenchmark.percentile(nanos, 50)),
                KioskBenchmark.ms(KioskBenchmark.percentile(nanos, 99)), KioskBenchmark.ms(nanos[nanos.length - 1]),
                app.store().enrolmentBacklog());
        executor.close();
        app.close();
        lms.close();
        System.exit(0);
    }

    /** One card: tapped, its number scanned; the nanoseconds from the tap to "Registered" laid out. */
    private static long enrol(SimulatedCardReader reader, RegisterViewModel page, AtomicReference<Runnable> onPulse, int n)
            throws Exception {
        CompletableFuture<Long> chipRead = new CompletableFuture<>();
        CompletableFuture<Long> registered = new CompletableFuture<>();
        String waiting = page.chipTextProperty().get();
        onPulse.set(() -> {
            if (!chipRead.isDone() && !page.chipTextProperty().get().equals(waiting)) {
                chipRead.complete(System.nanoTime());
                page.register(number(n)); // the scanner's Enter, once the page shows the chip was read
            } else if (chipRead.isDone() && page.resultProperty().get().startsWith("Registered")) {
                registered.complete(System.nanoTime());
            }
        });
        long start = System.nanoTime();
        reader.tap(uid(n), CardKind.MIFARE_CLASSIC_1K);
        Platform.requestNextPulse();
        long end = registered.get(10, TimeUnit.SECONDS);
        onPulse.set(() -> { });
        KioskBenchmark.onFx(() -> page.open()); // the page again for the next card (its result cleared)
        return end - start;
    }

    private static String number(int n) {
        return String.format("2938%06d", n);
    }

    private static CardUid uid(int n) {
        return CardUid.of(ByteBuffer.allocate(7).put((byte) 0x04).put((byte) 0x6b).putInt(n).put((byte) 0x22).array());
    }
}
