package org.culturecard.demo.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.culturecard.sync.app.SyncAgentMain;
import org.culturecard.sync.config.SyncConfig;

/**
 * The sync agent as its own operating-system process, started the way systemd would start it
 * ({@code java -cp ... SyncAgentMain --config FILE}), so a test can SIGKILL it like a power cut.
 */
final class AgentProcess implements AutoCloseable {
    /** The unit of {@code /proc} CPU times ({@code getconf CLK_TCK}), 100 on Linux. */
    private static final double CLOCK_TICKS_PER_SECOND = 100.0;

    private final Process process;

    private AgentProcess(Process process) {
        this.process = process;
    }

    /** Writes {@code config} as the agent's properties file in {@code dir}. */
    static Path writeConfig(SyncConfig config, Path dir) {
        List<String> lines = List.of(
                SyncConfig.BROKER_URI + "=" + config.brokerUri(),
                SyncConfig.KIOSK_ID + "=" + config.kioskId().value(),
                SyncConfig.VENUE_ID + "=" + config.venueId().value(),
                SyncConfig.DATABASE_PATH + "=" + config.databasePath().toAbsolutePath(),
                SyncConfig.KEEPALIVE_SECONDS + "=" + config.keepAliveSeconds(),
                SyncConfig.ACK_TIMEOUT + "=" + config.ackTimeout().toMillis() + "ms",
                SyncConfig.BACKOFF_MIN + "=" + config.backoffMin().toMillis() + "ms",
                SyncConfig.BACKOFF_MAX + "=" + config.backoffMax().toMillis() + "ms");
        try {
            return Files.write(dir.resolve("sync-agent.properties"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts {@link SyncAgentMain} on this JVM's class path; its output goes to {@code log}. */
    static AgentProcess start(Path configFile, Path log) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                SyncAgentMain.class.getName(), "--config", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new AgentProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sync agent process", e);
        }
    }

    /** SIGKILL: no shutdown hook, no goodbye, like pulling the plug. Waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the agent process " + process.pid() + " survived SIGKILL");
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time the process has used so far (user + system, from {@code /proc/<pid>/stat}; Linux), in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        // After the command name (in parentheses, which may hold spaces) come field 3 (state) on; utime is 14, stime 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
    }

    /** SIGTERM (a clean stop through the shutdown hook), then SIGKILL if it hangs. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
