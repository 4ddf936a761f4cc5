package org.culturecard.testsupport.pcsc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right to run this machine's one pcscd: an exclusive {@link FileLock} on a fixed file (default
 * {@value #DEFAULT_PATH}, or the system property {@code culturecard.pcscd.lock}), so that test JVMs of
 * modules built in parallel ({@code mvn -T}) take turns. The operating system releases it when the
 * JVM dies, so a killed test never leaves it held. Within one JVM a fair semaphore queues the
 * holders, since a JVM cannot lock one file twice.
 */
final class PcscdMachineLock implements AutoCloseable {
    static final String DEFAULT_PATH = "/tmp/culturecard-pcscd.lock";
    /** The demo's whole-system ITs hold it for minutes; a waiter that gives up fails its test. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(20);

    private static final Logger LOG = LoggerFactory.getLogger(PcscdMachineLock.class);
    private static final Semaphore IN_THIS_JVM = new Semaphore(1, true);
    private static final long POLL_MILLIS = 50;

    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private PcscdMachineLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file every PcscdServer on this machine agrees on. */
    static Path defaultPath() {
        return Path.of(System.getProperty("culturecard.pcscd.lock", DEFAULT_PATH));
    }

    /** Waits up to {@code wait} for the lock, then writes this JVM's pid into the file for diagnosis. */
    static PcscdMachineLock acquire(Path file, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (!IN_THIS_JVM.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("another PcscdServer in this JVM held pcscd for " + wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for pcscd", e);
        }
        try {
            return lockFile(file, deadline, wait);
        } catch (RuntimeException | Error e) {
            IN_THIS_JVM.release();
            throw e;
        }
    }

    private static PcscdMachineLock lockFile(Path file, long deadline, Duration wait) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    LOG.info("waiting for pcscd: another test JVM holds {} ({})", file, holder(channel));
                }
                while (lock == null) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("pcscd still held by another test JVM after " + wait + " ("
                                + file + ": " + holder(channel) + ")");
                    }
                    Thread.sleep(POLL_MILLIS);
                    lock = channel.tryLock();
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                        .getBytes(StandardCharsets.US_ASCII)), 0);
                return new PcscdMachineLock(channel, lock);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            } catch (InterruptedException e) {
                channel.close();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for pcscd", e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64);
        int read = channel.read(buffer, 0);
        return read <= 0 ? "no pid written" : new String(buffer.array(), 0, read, StandardCharsets.US_ASCII).trim();
    }

    /** Lets the next JVM (or the next PcscdServer in this one) run pcscd. Idempotent. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the pcscd lock", e);
        } finally {
            IN_THIS_JVM.release();
        }
    }
}
