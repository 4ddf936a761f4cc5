package org.culturecard.sync.agent;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The agent's one thread: every part of the agent keeps its state on it, and Paho's callbacks only
 * post tasks to it. A failing task (e.g. SQLite busy) is logged and the agent goes on; the thread
 * carries the kiosk and venue in the MDC.
 */
final class Worker implements Lookout.Scheduler {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class); // the agent's one log

    private final ScheduledExecutorService executor;

    Worker(KioskId kiosk, VenueId venue) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(() -> {
                MDC.put("kioskId", kiosk.value());
                MDC.put("venueId", venue.value());
                runnable.run();
            }, "sync-agent-" + kiosk);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code task} on the worker soon; dropped (quietly) once the worker has stopped. */
    @Override
    public void post(Runnable task) {
        try {
            executor.execute(() -> guarded(task));
        } catch (RejectedExecutionException e) {
            log.trace("agent stopped; dropping a late event");
        }
    }

    /** Runs {@code task} on the worker after {@code delayMillis}; dropped (quietly) once the worker has stopped. */
    @Override
    public void later(long delayMillis, Runnable task) {
        try {
            executor.schedule(() -> guarded(task), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.trace("agent stopped; dropping a late event");
        }
    }

    /** Runs {@code task} every {@code periodMillis}, the first time after one period. */
    void every(long periodMillis, Runnable task) {
        executor.scheduleWithFixedDelay(() -> guarded(task), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** The executor itself, for the reconnect loop's timers. */
    ScheduledExecutorService executor() {
        return executor;
    }

    boolean isStopped() {
        return executor.isShutdown();
    }

    /** Runs {@code last} on the worker and waits for it (up to {@code lastMillis}), then stops the worker (waiting up to {@code stopMillis}). */
    void stopAfter(Runnable last, long lastMillis, long stopMillis) {
        try {
            executor.submit(last).get(lastMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.warn("sync agent did not shut down cleanly: {}", e.toString());
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(stopMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a worker task; a failure is logged and the connection loop goes on. */
    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("sync agent step failed: {}", e.toString(), e);
        }
    }
}
