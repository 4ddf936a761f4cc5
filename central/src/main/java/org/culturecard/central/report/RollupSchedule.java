package org.culturecard.central.report;

import java.time.Duration;
import org.culturecard.central.schedule.Periodic;
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

    private final Periodic periodic;

    private RollupSchedule(Periodic periodic) {
        this.periodic = periodic;
    }

    /** Starts refreshing every {@code interval}, the first time one interval from now. */
    public static RollupSchedule start(RollupRefresher refresher, Duration interval) {
        return new RollupSchedule(Periodic.start("report-rollup", "report rollup refresh", () -> {
            int rebuilt = refresher.refreshAll();
            LOG.debug("report rollup: {} days rebuilt in the background", rebuilt);
        }, interval));
    }

    /** Stops the schedule, waiting (up to 10 s) for a refresh under way. */
    @Override
    public void close() {
        periodic.close();
    }
}
