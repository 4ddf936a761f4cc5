package org.culturecard.testsupport.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.culturecard.testsupport.mqtt.internal.BrokerConfigFile;
import org.culturecard.testsupport.mqtt.internal.BrokerProcess;
import org.culturecard.testsupport.server.LocalProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Mosquitto 2 broker for tests: the machine's own binary, on a free loopback port, with a
 * generated config that sets the inflight and queue limits explicitly (Mosquitto's defaults
 * silently drop QoS 1 messages under load, see TESTING.md). The broker is a child process of this
 * JVM, so tests can stop it, kill it, freeze it and restart it on the same port. The config file and
 * the process itself are {@code mqtt.internal}'s {@code BrokerConfigFile} and {@code BrokerProcess}.
 */
public final class MosquittoServer implements AutoCloseable {

    /** Where Debian's {@code mosquitto} package installs the broker. */
    public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/mosquitto");
    /** The apt package that provides the broker, named in failure messages. */
    public static final String APT_PACKAGE = "mosquitto";

    private static final Logger LOG = LoggerFactory.getLogger(MosquittoServer.class);

    private final Builder options;
    private final Path dir;
    private final Path configFile;
    private final Path logFile;
    private final int port;
    private BrokerProcess process;

    private MosquittoServer(Builder options) {
        this.options = options;
        this.port = options.port > 0 ? options.port : LocalProcesses.freeLoopbackPort();
        try {
            this.dir = Files.createTempDirectory("mosquitto-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(dir.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for mosquitto", e);
        }
        this.configFile = options.configFile != null ? options.configFile : dir.resolve("mosquitto.conf");
        this.logFile = dir.resolve("mosquitto.log");
    }

    /** Options for a broker; {@code builder().build()} gives the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A broker with the default options (not yet started). */
    public static MosquittoServer create() {
        return builder().build();
    }

    /** The broker binary if it is installed. */
    public static Optional<Path> findBinary() {
        return Files.isExecutable(DEFAULT_BINARY) ? Optional.of(DEFAULT_BINARY) : Optional.empty();
    }

    /** Writes the config and starts the broker, returning once it accepts connections. */
    public synchronized MosquittoServer start() {
        if (isRunning()) {
            return this;
        }
        Path binary = options.binary != null ? options.binary : findBinary().orElseThrow(
                () -> new IllegalStateException("mosquitto not found at " + DEFAULT_BINARY
                        + ": apt-get install -y " + APT_PACKAGE));
        if (options.configFile == null) {
            new BrokerConfigFile(options.allowAnonymous, options.maxInflightMessages, options.maxQueuedMessages,
                    options.persistence, options.autosaveIntervalSeconds, options.extraLines, options.listenerLines)
                    .write(configFile, dir, logFile, port, MosquittoServer.class.getName());
        }
        process = BrokerProcess.start(binary, configFile, logFile, dir.resolve("stdout.log"), port);
        LOG.info("mosquitto started on {} (pid {}, dir {})", uri(), process.pid(), dir);
        return this;
    }

    /** Stops the broker with SIGTERM and waits for it to exit (it saves persistence if enabled). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.stop();
        LOG.info("mosquitto on port {} stopped", port);
        process = null;
    }

    /** Kills the broker with SIGKILL (a crash: nothing is saved) and reaps it. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.kill();
        LOG.info("mosquitto on port {} killed", port);
        process = null;
    }

    /** Freezes the broker with SIGSTOP: connections stay open but nothing is answered. */
    public synchronized void freeze() {
        requireRunning();
        process.freeze();
    }

    /** Resumes a frozen broker with SIGCONT. */
    public synchronized void thaw() {
        requireRunning();
        process.thaw();
    }

    /** Stops (SIGTERM) and starts again on the same port, with the same persistence directory. */
    public synchronized MosquittoServer restart() {
        if (isFrozen()) {
            thaw();
        }
        stop();
        return start();
    }

    /** {@code tcp://127.0.0.1:PORT}, for Paho. */
    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The loopback port, fixed for the life of this object (kept across restarts). */
    public int port() {
        return port;
    }

    /** True while the broker process is alive (a frozen broker is still running). */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The process id while running. */
    public synchronized long pid() {
        requireRunning();
        return process.pid();
    }

    /** The broker's own log file, useful in failure messages. */
    public Path logFile() {
        return logFile;
    }

    /** The generated config file. */
    public Path configFile() {
        return configFile;
    }

    /** The temp directory holding config, log and persistence. */
    public Path directory() {
        return dir;
    }

    /** Kills the broker if it still runs and removes its temp dir. */
    @Override
    public synchronized void close() {
        try {
            if (isFrozen() && isRunning()) {
                thaw();
            }
            stop();
        } finally {
            LocalProcesses.deleteTree(dir);
        }
    }

    private boolean isFrozen() {
        return process != null && process.isFrozen();
    }

    private void requireRunning() {
        if (!isRunning()) {
            throw new IllegalStateException("mosquitto on port " + port + " is not running");
        }
    }

    /** Broker options. Defaults: anonymous, inflight 100, queue 100000, persistence off. */
    public static final class Builder {
        private int port;
        private boolean allowAnonymous = true;
        private Path configFile;
        private int maxInflightMessages = 100;
        private int maxQueuedMessages = 100_000;
        private boolean persistence;
        private int autosaveIntervalSeconds = 1800;
        private Path binary;
        private final List<String> extraLines = new ArrayList<>();
        private final List<String> listenerLines = new ArrayList<>();

        private Builder() {
        }

        /** A fixed port instead of a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Whether clients may connect without credentials (default true). */
        public Builder allowAnonymous(boolean allow) {
            this.allowAnonymous = allow;
            return this;
        }

        /** {@code max_inflight_messages} (default 100). */
        public Builder maxInflightMessages(int max) {
            this.maxInflightMessages = max;
            return this;
        }

        /** {@code max_queued_messages} (default 100000). */
        public Builder maxQueuedMessages(int max) {
            this.maxQueuedMessages = max;
            return this;
        }

        /** Whether the broker persists sessions and queued messages to its temp dir (default false). */
        public Builder persistence(boolean on) {
            this.persistence = on;
            return this;
        }

        /** {@code autosave_interval} in seconds when persistence is on. */
        public Builder autosaveIntervalSeconds(int seconds) {
            this.autosaveIntervalSeconds = seconds;
            return this;
        }

        /** Another broker binary. */
        public Builder binary(Path binary) {
            this.binary = binary;
            return this;
        }

        /** Global config lines, written before the listener. */
        public Builder extraConfig(String... lines) {
            extraLines.addAll(List.of(lines));
            return this;
        }

        /** Lines that belong to the loopback listener, e.g. {@code cafile}, {@code certfile}, {@code require_certificate}. */
        public Builder listenerConfig(String... lines) {
            listenerLines.addAll(List.of(lines));
            return this;
        }

        /**
         * Runs this config file as it is (e.g. one that {@code provision broker config} wrote) instead
         * of a generated one; the other options are then ignored except {@link #port}, which must be
         * the config's listener port, and {@link #binary}.
         */
        public Builder configFile(Path file, int listenerPort) {
            this.configFile = file;
            return port(listenerPort);
        }

        /** A broker with these options, not yet started. */
        public MosquittoServer build() {
            if (maxInflightMessages < 0 || maxQueuedMessages < 0) {
                throw new IllegalArgumentException("limits must be >= 0");
            }
            return new MosquittoServer(copy());
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.port = port;
            copy.allowAnonymous = allowAnonymous;
            copy.maxInflightMessages = maxInflightMessages;
            copy.maxQueuedMessages = maxQueuedMessages;
            copy.persistence = persistence;
            copy.autosaveIntervalSeconds = autosaveIntervalSeconds;
            copy.binary = binary;
            copy.configFile = configFile;
            copy.extraLines.addAll(extraLines);
            copy.listenerLines.addAll(listenerLines);
            return copy;
        }

        @Override
        public String toString() {
            return "MosquittoServer.Builder[inflight=" + maxInflightMessages + ", queued=" + maxQueuedMessages
                    + ", persistence=" + persistence + ", extra=" + Objects.toString(extraLines) + "]";
        }
    }
}
