package org.culturecard.central.report;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the report rollup's dirty days in the background, every {@code interval}, so that a
 * report finds at most the last interval's days to rebuild: after a long catch-up (kiosks sending a
 * week's backlog at once) the work is done here, not by the first person to ask for a report. A
 * report still refreshes its own range first, so it never depends on this having run. Failures
 * (the database restarting) are logged once per streak and retried at the next tick.
 */
public final class RollupSchedule implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RollupSchedule.class);

    private final RollupRefresher refresher;
    private final ScheduledExecutorService thread;
    private boolean failing;

    private RollupSchedule(RollupRefresher refresher) {
        this.refresher = refresher;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "report-rollup");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts refreshing every {@code interval}, the first time one interval from now. */
    public static RollupSchedule start(RollupRefresher refresher, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the rollup refresh interval must be positive: " + interval);
        }
        RollupSchedule schedule = new RollupSchedule(refresher);
        schedule.thread.scheduleWithFixedDelay(schedule::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return schedule;
    }

    private void tick() {
        try {
            int rebuilt = refresher.refreshAll();
            if (failing) {
                LOG.info("report rollup refresh works again ({} days rebuilt)", rebuilt);
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warn("report rollup refresh failed, retrying at the next tick: {}", e.getMessage());
                failing = true;
            }
        }
    }

    /** Stops the schedule, waiting (up to 10 s) for a refresh under way. */
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
