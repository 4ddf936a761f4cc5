package org.culturecard.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.culturecard.testsupport.server.LocalProcesses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL for tests: the machine's own server (the newest under
 * {@code /usr/lib/postgresql/<version>/bin}), initialised into a temp dir and listening on a free
 * loopback port with trust authentication.
 *
 * <p>PostgreSQL refuses to run as root, so as root the data dir is given to user {@code postgres}
 * and the programs run as that user. The postmaster runs as a direct child of this JVM (through
 * {@code setpriv}, which execs) rather than being daemonised by {@code pg_ctl}: that way
 * {@link #kill()} can SIGKILL and reap it, and a restart never trips over a zombie's lock file.
 */
public final class PostgresServer implements AutoCloseable {

    /** The apt package that provides the server, named in failure messages. */
    public static final String APT_PACKAGE = "postgresql";
    /** Where Debian installs the versioned server binaries. */
    public static final Path INSTALL_ROOT = Path.of("/usr/lib/postgresql");

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String USER = "postgres";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path bin;
    private final Path dir;
    private final Path dataDir;
    private final Path socketDir;
    private final Path logFile;
    private final int port;
    private final List<String> settings;
    private boolean initialised;
    private Process process;
    private Thread exitHook;

    private PostgresServer(Path bin, int port, List<String> settings) {
        this.bin = bin;
        this.port = port;
        this.settings = List.copyOf(settings);
        try {
            this.dir = Files.createTempDirectory("postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp dir for PostgreSQL", e);
        }
        this.dataDir = dir.resolve("data");
        this.socketDir = dir.resolve("sock");
        this.logFile = dir.resolve("postgres.log");
    }

    /** A server on a free port (not yet started); fails naming the apt package when none is installed. */
    public static PostgresServer create() {
        return create(LocalProcesses.freeLoopbackPort());
    }

    /** A server on the given port (not yet started). */
    public static PostgresServer create(int port, String... settings) {
        Path bin = findBinDir().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL not found under " + INSTALL_ROOT + ": apt-get install -y " + APT_PACKAGE));
        return new PostgresServer(bin, port, List.of(settings));
    }

    /** The newest installed {@code /usr/lib/postgresql/<version>/bin} holding initdb and postgres. */
    public static Optional<Path> findBinDir() {
        if (!Files.isDirectory(INSTALL_ROOT)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALL_ROOT)) {
            return versions
                    .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                    .map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("postgres")))
                    .max(Comparator.comparingDouble(b -> Double.parseDouble(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Initialises the data dir on first use, then starts the server and waits until it answers SQL. */
    public synchronized PostgresServer start() {
        if (isRunning()) {
            return this;
        }
        if (!initialised) {
            initdb();
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            launch();
            if (awaitReady(deadline)) {
                LOG.info("PostgreSQL started on {} (pid {}, dir {})", jdbcUrl(), process.pid(), dir);
                return this;
            }
            // After a kill, orphaned backends may still hold the old shared memory for a moment.
            LocalProcesses.endProcess(process, Duration.ZERO);
            process = null;
        LocalProcesses.forget(exitHook);
        exitHook = null;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PostgreSQL did not start on port " + port + "\nlog:\n"
                        + LocalProcesses.tail(logFile, 40));
            }
            LocalProcesses.pause(Duration.ofMillis(200));
        }
    }

    /** Fast shutdown (like {@code pg_ctl stop -m fast}: SIGINT to the postmaster), waiting for exit. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            LocalProcesses.signal(process.pid(), "INT");
        }
        LocalProcesses.endProcess(process, STOP_GRACE);
        process = null;
        LocalProcesses.forget(exitHook);
        exitHook = null;
        LOG.info("PostgreSQL on port {} stopped", port);
    }

    /** SIGKILL to the postmaster (a crash); the next start runs crash recovery. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        LocalProcesses.endProcess(process, STOP_GRACE);
        process = null;
        LocalProcesses.forget(exitHook);
        exitHook = null;
        LOG.info("PostgreSQL on port {} killed", port);
    }

    /** Stops and starts again on the same port with the same data. */
    public synchronized PostgresServer restart() {
        stop();
        return start();
    }

    /** True while the postmaster is alive. */
    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres}. */
    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    /** The JDBC URL of another database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser name (trust authentication: any password, or none, is accepted). */
    public String user() {
        return USER;
    }

    /** The password to pass to pools that insist on one (trust ignores it). */
    public String password() {
        return "";
    }

    /** The loopback port, kept across restarts. */
    public int port() {
        return port;
    }

    /** The postmaster's process id while running. */
    public synchronized long pid() {
        if (!isRunning()) {
            throw new IllegalStateException("PostgreSQL on port " + port + " is not running");
        }
        return process.pid();
    }

    /** The server log, for failure messages. */
    public Path logFile() {
        return logFile;
    }

    /** The data directory. */
    public Path dataDirectory() {
        return dataDir;
    }

    /** Creates an empty database and returns its JDBC URL; names are [a-z_][a-z0-9_]*. */
    public String createDatabase(String name) {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /** An open connection to the {@code postgres} database, for assertions. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    /** Stops the server (killing it if needed) and removes the temp dir. */
    @Override
    public synchronized void close() {
        try {
            try {
                stop();
            } catch (RuntimeException e) {
                kill();
            }
        } finally {
            LocalProcesses.deleteTree(dir);
        }
    }

    private void initdb() {
        try {
            Files.createDirectories(socketDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (LocalProcesses.runningAsRoot()) {
            LocalProcesses.chownTree(dir, USER);
        }
        List<String> command = asServerUser(List.of("runuser", "-u", USER, "--"));
        command.addAll(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER,
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        LocalProcesses.run(command, Duration.ofMinutes(2));
        initialised = true;
    }

    private void launch() {
        List<String> command = asServerUser(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups", "--"));
        command.addAll(List.of(bin.resolve("postgres").toString(), "-D", dataDir.toString(), "-p", Integer.toString(port),
                "-k", socketDir.toString(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"));
        for (String setting : settings) {
            command.addAll(List.of("-c", setting));
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        LocalProcesses.forget(exitHook);
        exitHook = LocalProcesses.killOnExit(process);
    }

    private boolean awaitReady(long deadline) {
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            if (LocalProcesses.accepting(port)) {
                try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, "");
                     Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                    return true;
                } catch (SQLException e) {
                    // starting up or in recovery: try again
                }
            }
            LocalProcesses.pause(Duration.ofMillis(25));
        }
        return false;
    }

    private static List<String> asServerUser(List<String> prefix) {
        return LocalProcesses.runningAsRoot() ? new ArrayList<>(prefix) : new ArrayList<>();
    }
}
