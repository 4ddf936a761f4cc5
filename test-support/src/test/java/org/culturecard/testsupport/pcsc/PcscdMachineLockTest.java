package org.culturecard.testsupport.pcsc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine's pcscd lock between JVMs (a child JVM holds it) and between servers in one JVM. */
class PcscdMachineLockTest {
    private static final Duration SHORT = Duration.ofMillis(300);

    @TempDir
    Path dir;

    @Test
    void anotherJvmHoldingTheLockMakesUsWaitAndItsDeathReleasesIt() throws Exception {
        Path file = dir.resolve("pcscd.lock");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("held");
            assertThat(Files.readString(file)).isEqualTo("pid " + holder.pid() + "\n");

            assertThatThrownBy(() -> PcscdMachineLock.acquire(file, SHORT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pid " + holder.pid());

            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            try (PcscdMachineLock ours = PcscdMachineLock.acquire(file, Duration.ofSeconds(10))) {
                assertThat(Files.readString(file)).isEqualTo("pid " + ProcessHandle.current().pid() + "\n");
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aSecondHolderInTheSameJvmWaitsUntilTheFirstCloses() throws Exception {
        Path file = dir.resolve("pcscd.lock");
        PcscdMachineLock first = PcscdMachineLock.acquire(file, SHORT);
        CompletableFuture<PcscdMachineLock> second = CompletableFuture.supplyAsync(
                () -> PcscdMachineLock.acquire(file, Duration.ofSeconds(10)));
        Thread.sleep(SHORT.toMillis());
        assertThat(second).isNotDone();

        first.close();
        first.close();
        second.get(10, TimeUnit.SECONDS).close();
        PcscdMachineLock.acquire(file, SHORT).close();
    }

    @Test
    void theDefaultPathIsFixedForEveryJvmOnTheMachine() {
        assertThat(PcscdMachineLock.defaultPath()).isEqualTo(Path.of("/tmp/culturecard-pcscd.lock"));
    }

    /** A child JVM that takes the lock, says so, and keeps it until it is killed. */
    static final class Holder {
        private Holder() {}

        public static void main(String[] args) throws InterruptedException {
            PcscdMachineLock.acquire(Path.of(args[0]), Duration.ofSeconds(10));
            System.out.println("held");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
