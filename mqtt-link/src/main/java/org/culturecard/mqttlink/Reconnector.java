package org.culturecard.mqttlink;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconnect loop every MQTT connection shares (central's ingest workers, fleet listener and
 * config publisher, the sync agent's session). Paho's automatic reconnect does not retry a failed
 * first connect and leaks threads over repeated failures, so each connection runs this instead:
 * attempts on one thread, and after a failure or a lost connection the next attempt after a
 * {@link Backoff} (exponential, full jitter, capped), so that a broker coming back is not hit by
 * every client at the same instant. At most one attempt is pending at a time: a lost connection
 * reported twice (Paho's callback and a failing call) schedules one retry.
 *
 * <p>Two forms. {@link #Reconnector(String, Attempt)} runs blocking attempts on a thread of its
 * own; an attempt that returns has connected. {@link #onThread} runs attempts on the caller's
 * thread (the sync agent's worker), where an attempt only starts connecting and the caller reports
 * the outcome: {@link #connected()}, or {@link #retry()} / {@link #retryAfter} (the caller logs).
 */
public final class Reconnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);

    /** One connect (and subscribe) attempt; it closes its own half-made client before throwing. */
    @FunctionalInterface
    public interface Attempt {
        void connect() throws Exception;
    }

    private final String name;
    private final Attempt attempt;
    private final Backoff backoff;
    private final ScheduledExecutorService thread;
    private final boolean ownThread;
    private final AtomicInteger failures = new AtomicInteger();
    private ScheduledFuture<?> pending;
    private volatile boolean closed;

    /** Blocking attempts on a thread of its own, with {@link Backoff#standard()}; {@code name} names the thread and the log lines (the client id). */
    public Reconnector(String name, Attempt attempt) {
        this(name, attempt, Backoff.standard(), Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-connect-" + name);
            t.setDaemon(true);
            return t;
        }), true);
    }

    private Reconnector(String name, Attempt attempt, Backoff backoff, ScheduledExecutorService thread, boolean ownThread) {
        this.name = name;
        this.attempt = attempt;
        this.backoff = backoff;
        this.thread = thread;
        this.ownThread = ownThread;
    }

    /**
     * Attempts on {@code thread}, which the caller owns (closing this does not stop it). An attempt
     * that returns has only started: the caller reports {@link #connected()} or a failure.
     */
    public static Reconnector onThread(ScheduledExecutorService thread, String name, Backoff backoff, Attempt attempt) {
        return new Reconnector(name, attempt, backoff, thread, false);
    }

    /** Makes the first attempt now, in the background. */
    public void start() {
        execute(this::tryOnce);
    }

    /** The attempt succeeded: the next failure starts the backoff from the beginning. */
    public void connected() {
        failures.set(0);
    }

    /** Failures in a row since the last connect. */
    public int failures() {
        return failures.get();
    }

    /** The longest wait, used after the broker refuses the client's credentials: retrying sooner cannot help. */
    public Duration maxDelay() {
        return backoff.max();
    }

    /** The connection was lost or could not be made: the next attempt follows after the backoff, which is returned. */
    public Duration connectionLost(String why) {
        return schedule(why, null);
    }

    /** As {@link #connectionLost}, logged by the caller: the delay is returned. */
    public Duration retry() {
        return schedule(null, null);
    }

    /** As {@link #retry()} but after {@code delay} (e.g. a refusal, with {@link #maxDelay()}). */
    public void retryAfter(Duration delay) {
        schedule(null, delay);
    }

    /** Runs {@code task} on this connection's thread (e.g. closing a client that was given up). */
    public void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("{} is closing", name);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops retrying; with a thread of its own, waits (up to 5 s) for an attempt under way. */
    @Override
    public void close() {
        closed = true;
        synchronized (this) {
            if (pending != null) {
                pending.cancel(false);
            }
        }
        if (!ownThread) {
            return;
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tryOnce() {
        synchronized (this) {
            pending = null;
        }
        if (closed) {
            return;
        }
        try {
            attempt.connect();
            if (ownThread) {
                connected();
            }
        } catch (Exception e) {
            connectionLost("connect failed: " + MqttErrors.describe(e));
        }
    }

    private synchronized Duration schedule(String why, Duration fixed) {
        if (closed) {
            return Duration.ZERO;
        }
        if (pending != null && !pending.isDone()) {
            return Duration.ofMillis(pending.getDelay(TimeUnit.MILLISECONDS)); // already coming
        }
        Duration delay = fixed != null ? fixed : backoff.delay(failures.get() + 1);
        failures.incrementAndGet();
        if (why != null) {
            LOG.warn("{}: {}; reconnecting in {} ms", name, why, delay.toMillis());
        }
        try {
            pending = thread.schedule(this::tryOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{} is closing", name);
        }
        return delay;
    }

    /** Exponential backoff with full jitter: uniform in [100 ms, min(10 s, 100 ms * 2^attempt)]. */
    public static long backoffMillis(int attempt) {
        return Backoff.standard().delay(Math.min(Math.max(attempt, 0), 40) + 1).toMillis();
    }

    /**
     * Drops a client at once, as a crash or a dead link would (no DISCONNECT, so the broker keeps a
     * persistent session and sends the last will), and closes it so none of its threads outlive it;
     * never throws, never blocks for long.
     */
    public static void abandon(MqttAsyncClient client, String name) {
        if (client == null) {
            return;
        }
        try {
            client.disconnectForcibly(0, 500, false);
        } catch (MqttException | RuntimeException e) {
            LOG.trace("forced disconnect of {}: {}", name, e.toString());
        }
        close(client, name);
    }

    /** Disconnects (briefly) and closes a client that is no longer wanted; never throws. */
    public static void discard(MqttAsyncClient client, String name) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(2_000);
            }
        } catch (MqttException | RuntimeException e) {
            LOG.debug("disconnect of {} failed: {}", name, e.toString());
        }
        close(client, name);
    }

    private static void close(MqttAsyncClient client, String name) {
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("close of {} failed: {}", name, e.toString());
        }
    }
}
