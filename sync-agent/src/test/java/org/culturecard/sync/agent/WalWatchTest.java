package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch on real files in a temporary folder (inotify on Linux). */
class WalWatchTest {
    @TempDir
    Path dir;

    @Test
    void aWriteToTheWalIsReportedAndOtherFilesAreNot() throws Exception {
        Path database = dir.resolve("kiosk.db");
        Files.writeString(database, "db");
        Path wal = dir.resolve("kiosk.db-wal");
        Files.writeString(wal, "");
        AtomicInteger written = new AtomicInteger();
        try (WalWatch watch = WalWatch.start(database, written::incrementAndGet, "wal-watch-test")) {
            Files.writeString(database, "checkpointed", StandardOpenOption.APPEND);
            Files.writeString(dir.resolve("kiosk.log"), "a log line");
            Thread.sleep(200);
            assertThat(written).as("writes to other files are not hints").hasValue(0);

            long start = System.nanoTime();
            Files.write(wal, "frame".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(1)).until(() -> written.get() > 0);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void aWalCreatedAfterTheWatchStartedIsReportedAndCloseStopsTheWatch() throws Exception {
        Path database = dir.resolve("kiosk.db");
        AtomicInteger written = new AtomicInteger();
        WalWatch watch = WalWatch.start(database, written::incrementAndGet, "wal-watch-test");

        Files.writeString(dir.resolve("kiosk.db-wal"), "first frame");
        await().atMost(Duration.ofSeconds(5)).until(() -> written.get() > 0);

        watch.close();
        int before = written.get();
        Files.writeString(dir.resolve("kiosk.db-wal"), "after close", StandardOpenOption.APPEND);
        Thread.sleep(200);
        assertThat(written).hasValue(before);
    }
}
