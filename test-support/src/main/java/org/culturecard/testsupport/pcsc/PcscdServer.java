package org.culturecard.testsupport.pcsc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The machine's real pcscd, started in the foreground with a private reader configuration that
 * loads vsmartcard's vpcd driver: two virtual readers, {@code "Test Reader 00 00"} (a
 * {@link VirtualCard} connects on TCP {@value #PORT_READER_0}) and {@code "Test Reader 00 01"}
 * (TCP {@value #PORT_READER_1}).
 *
 * <p>Only one pcscd can run on a machine ({@code /run/pcscd/pcscd.comm}). The first {@link #start()}
 * therefore takes the machine's pcscd lock ({@link PcscdMachineLock}, a file lock that test JVMs of
 * modules built in parallel share), waiting while another test JVM holds it, and then stops any
 * other pcscd it can see (the system's, or one left by a crashed run). The lock is kept through
 * {@link #stop()}, {@link #kill()} and {@link #restart()}, since a test that stops pcscd means "no
 * pcscd on this machine" until it starts it again, and is released by {@link #close()} (or by the
 * operating system when the JVM dies).
 */
public final class PcscdServer implements AutoCloseable {
    public static final Path PCSCD = Path.of("/usr/sbin/pcscd");
    public static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    public static final Path COMM_SOCKET = Path.of("/run/pcscd/pcscd.comm");
    public static final String READER_0 = "Test Reader 00 00";
    public static final String READER_1 = "Test Reader 00 01";
    public static final int PORT_READER_0 = 35963;
    public static final int PORT_READER_1 = 35964;

    private static final Logger LOG = LoggerFactory.getLogger(PcscdServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Path workDir;
    private final Path configDir;
    private Process process;
    private PcscdMachineLock machineLock;

    /** Prepares a private configuration under {@code workDir}; starts nothing yet. */
    public PcscdServer(Path workDir) {
        this.workDir = workDir;
        this.configDir = workDir.resolve("reader.conf.d");
        writeConfig();
    }

    /** Prepares a private configuration in a new temporary directory. */
    public static PcscdServer inTempDir() {
        try {
            return new PcscdServer(Files.createTempDirectory("culturecard-pcscd-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empty when pcscd and the vpcd driver are installed, else what is missing and how to get it. */
    public static Optional<String> missingPackages() {
        if (!Files.isExecutable(PCSCD)) {
            return Optional.of(PCSCD + " not found: apt-get install -y --no-install-recommends pcscd vsmartcard-vpcd");
        }
        if (!Files.exists(VPCD_DRIVER)) {
            return Optional.of(VPCD_DRIVER + " not found: apt-get install -y --no-install-recommends vsmartcard-vpcd");
        }
        return Optional.empty();
    }

    /**
     * Takes the machine's pcscd lock if this server does not hold it yet (waiting for other test
     * JVMs), starts pcscd (stopping any other pcscd first) and waits until both virtual readers listen.
     */
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        missingPackages().ifPresent(msg -> {
            throw new IllegalStateException(msg);
        });
        if (machineLock == null) {
            machineLock = PcscdMachineLock.acquire(PcscdMachineLock.defaultPath(), PcscdMachineLock.DEFAULT_WAIT);
        }
        stopOtherPcscds();
        try {
            Path log = workDir.resolve("pcscd.log");
            process = new ProcessBuilder(PCSCD.toString(), "--foreground", "--auto-exit", "--config", configDir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            awaitReady();
            LOG.info("pcscd started (pid {}) with config {}", process.pid(), configDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + PCSCD, e);
        }
    }

    /** Stops pcscd with SIGTERM and reaps it (SIGKILL if it does not exit within 5 s). */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        reap(process, true);
        process = null;
    }

    /** Kills pcscd with SIGKILL, as a crash would, and reaps it. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        reap(process, false);
        process = null;
    }

    /** {@link #stop()} then {@link #start()}. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The file pcscd writes its output to, for diagnosing a failed test. */
    public Path logFile() {
        return workDir.resolve("pcscd.log");
    }

    /** Whether this server holds the machine's pcscd lock (from its first start until close). */
    public synchronized boolean holdsMachineLock() {
        return machineLock != null;
    }

    /** Stops pcscd and lets the next test JVM have the machine's pcscd. */
    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            if (machineLock != null) {
                machineLock.close();
                machineLock = null;
            }
        }
    }

    private void writeConfig() {
        try {
            Files.createDirectories(configDir);
            Files.writeString(configDir.resolve("vpcd"), String.join("\n",
                    "FRIENDLYNAME \"Test Reader\"",
                    "DEVICENAME   /dev/null:0x8C7B",
                    "LIBPATH      " + VPCD_DRIVER,
                    "CHANNELID    0x8C7B",
                    ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!(commSocketAccepts() && tcpListening(PORT_READER_0) && tcpListening(PORT_READER_1))) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pcscd exited with " + process.exitValue() + "; see " + logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pcscd not ready after " + READY_TIMEOUT + "; see " + logFile());
            }
            sleep(5);
        }
    }

    /** A connect to pcscd's UNIX socket; a client that leaves at once is ordinary for pcscd. */
    private static boolean commSocketAccepts() {
        if (!Files.exists(COMM_SOCKET)) {
            return false;
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            return channel.connect(UnixDomainSocketAddress.of(COMM_SOCKET));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether something listens on the TCP port, read from /proc/net/tcp{,6}: never a TCP connect,
     * which vpcd would take for a card arriving.
     */
    static boolean tcpListening(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] cols = line.trim().split("\\s+");
                    if (cols.length > 3 && cols[1].endsWith(hexPort) && cols[3].equals("0A")) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // table absent (no IPv6): try the next one
            }
        }
        return false;
    }

    /** Stops every other pcscd (ours from an earlier crash, or the system's) and reaps it. */
    private void stopOtherPcscds() {
        ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/pcscd")).orElse(false))
                .filter(p -> process == null || p.pid() != process.pid())
                .forEach(p -> {
                    LOG.warn("stopping another pcscd (pid {}): only one can run", p.pid());
                    p.destroy();
                    try {
                        p.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (TimeoutException e) {
                        p.destroyForcibly();
                        p.onExit().join();
                    } catch (Exception e) {
                        p.destroyForcibly();
                    }
                });
        awaitCommSocketFree();
    }

    /** After the old daemon is gone its socket may linger; pcscd replaces it once nobody answers. */
    private static void awaitCommSocketFree() {
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (commSocketAccepts() || tcpListening(PORT_READER_0) || tcpListening(PORT_READER_1)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(COMM_SOCKET + " or the vpcd ports are still in use by another process");
            }
            sleep(10);
        }
    }

    private static void reap(Process p, boolean graceful) {
        try {
            if (!p.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                if (graceful) {
                    LOG.warn("pcscd did not stop on SIGTERM; killing it");
                }
                p.destroyForcibly();
                p.waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        awaitCommSocketFree();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
