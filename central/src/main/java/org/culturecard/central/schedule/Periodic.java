package org.culturecard.central.schedule;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task on its own daemon thread every {@code interval}, the first time one interval from
 * now. Failures (the database restarting) are logged once per streak and retried at the next tick.
 */
public final class Periodic implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Periodic.class);

    private final String what;
    private final Runnable task;
    private final ScheduledExecutorService thread;
    private boolean failing;

    private Periodic(String threadName, String what, Runnable task) {
        this.what = what;
        this.task = task;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts running {@code task} every {@code interval}; {@code what} names it in the log. */
    public static Periodic start(String threadName, String what, Runnable task, Duration interval) {
        return start(threadName, what, task, interval, interval);
    }

    /** Starts running {@code task} after {@code first} (zero: now), then every {@code interval}. */
    public static Periodic start(String threadName, String what, Runnable task, Duration first, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the " + what + " interval must be positive: " + interval);
        }
        Periodic periodic = new Periodic(threadName, what, task);
        periodic.thread.scheduleWithFixedDelay(periodic::tick, first.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return periodic;
    }

    private void tick() {
        try {
            task.run();
            if (failing) {
                LOG.info("{} works again", what);
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("{} failed, retrying at the next tick: {}", what, e.getMessage());
                failing = true;
            }
        }
    }

    /** Stops the schedule, waiting (up to 10 s) for a run under way. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
