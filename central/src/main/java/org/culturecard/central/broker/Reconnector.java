package org.culturecard.central.broker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconnect loop every central MQTT connection shares (ingest workers, the fleet listener, the
 * config publisher). Paho's automatic reconnect does not retry a failed first connect, so central
 * runs its own: each attempt on one thread per connection, and after a failure or a lost connection
 * the next attempt after an exponential backoff with full jitter (100 ms up to 10 s), so that a
 * broker coming back is not hit by every client at the same instant.
 */
public final class Reconnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** One connect (and subscribe) attempt; it closes its own half-made client before throwing. */
    @FunctionalInterface
    public interface Attempt {
        void connect() throws MqttException;
    }

    private final String name;
    private final Attempt attempt;
    private final ScheduledExecutorService thread;
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean closed;

    /** {@code name} names the thread and the log lines (the client id). */
    public Reconnector(String name, Attempt attempt) {
        this.name = name;
        this.attempt = attempt;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-connect-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Makes the first attempt now, in the background. */
    public void start() {
        execute(this::tryOnce);
    }

    /** The connection was lost: the next attempt follows after the backoff. */
    public void connectionLost(String why) {
        retry(why);
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

    /** Stops retrying and waits (up to 5 s) for an attempt under way. */
    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tryOnce() {
        if (closed) {
            return;
        }
        try {
            attempt.connect();
            failures.set(0);
        } catch (MqttException | RuntimeException e) {
            retry("connect failed: " + e.getMessage());
        }
    }

    private void retry(String why) {
        if (closed) {
            return;
        }
        long delay = backoffMillis(failures.getAndIncrement());
        LOG.warn("{}: {}; reconnecting in {} ms", name, why, delay);
        try {
            thread.schedule(this::tryOnce, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("{} is closing", name);
        }
    }

    /** Exponential backoff with full jitter: uniform in [100 ms, min(10 s, 100 ms * 2^attempt)]. */
    public static long backoffMillis(int attempt) {
        long min = MIN_BACKOFF.toMillis();
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), min << Math.min(Math.max(attempt, 0), 16));
        return min + ThreadLocalRandom.current().nextLong(Math.max(1, ceiling - min + 1));
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
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("close of {} failed: {}", name, e.toString());
        }
    }
}
