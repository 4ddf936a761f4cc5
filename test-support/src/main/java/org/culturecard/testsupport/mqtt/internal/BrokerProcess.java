package org.culturecard.testsupport.mqtt.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.culturecard.testsupport.server.LocalProcesses;

/**
 * One run of the Mosquitto binary as a child of this JVM (killed if the JVM exits first): started,
 * waited for until it listens, and stopped (SIGTERM), killed (SIGKILL), frozen (SIGSTOP) or thawed
 * (SIGCONT). Not thread-safe: {@code MosquittoServer} calls it under its own lock.
 */
public final class BrokerProcess {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final Path configFile;
    private final Path logFile;
    private final Path stdout;
    private Thread exitHook;
    private boolean frozen;

    private BrokerProcess(Process process, Path configFile, Path logFile, Path stdout) {
        this.process = process;
        this.configFile = configFile;
        this.logFile = logFile;
        this.stdout = stdout;
        this.exitHook = LocalProcesses.killOnExit(process);
    }

    /** Starts {@code binary -c configFile} and returns once it accepts connections on {@code port}. */
    public static BrokerProcess start(Path binary, Path configFile, Path logFile, Path stdout, int port) {
        Process process;
        try {
            process = new ProcessBuilder(binary.toString(), "-c", configFile.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
        BrokerProcess broker = new BrokerProcess(process, configFile, logFile, stdout);
        broker.awaitReady(port);
        return broker;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public boolean isFrozen() {
        return frozen;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGTERM, then waits for the exit (the broker saves persistence if enabled). */
    public void stop() {
        process.destroy();
        end();
    }

    /** SIGKILL (a crash: nothing is saved), thawing it first if frozen, and reaps it. */
    public void kill() {
        if (frozen) {
            thaw();
        }
        process.destroyForcibly();
        end();
    }

    public void freeze() {
        LocalProcesses.signal(process.pid(), "STOP");
        frozen = true;
    }

    public void thaw() {
        LocalProcesses.signal(process.pid(), "CONT");
        frozen = false;
    }

    private void end() {
        LocalProcesses.endProcess(process, STOP_GRACE);
        LocalProcesses.forget(exitHook);
        exitHook = null;
    }

    private void awaitReady(int port) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("mosquitto exited with " + process.exitValue());
            }
            if (LocalProcesses.accepting(port)) {
                return;
            }
            LocalProcesses.pause(Duration.ofMillis(20));
        }
        process.destroyForcibly();
        end();
        throw failure("mosquitto did not listen on port " + port + " within " + START_TIMEOUT);
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException(what + "\nconfig " + configFile + "\nlog:\n"
                + LocalProcesses.tail(logFile, 30) + "\nstdout:\n" + LocalProcesses.tail(stdout, 30));
    }
}
