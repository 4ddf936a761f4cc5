package org.culturecard.central.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.culturecard.central.config.IngestLimits;
import org.culturecard.central.store.HeldCheckIns;
import org.culturecard.central.store.RetentionTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of central's housekeeping, on the schedule {@code central.retention.interval-minutes}:
 * attaches held check-ins whose event has arrived (a safety net behind the fleet listener),
 * flags those held past the grace period, deletes dead letters past their retention, and, when
 * {@code central.checkins.retention-days} is set, check-ins (and held ones) past theirs, with the
 * rollup rebuilt for the days they leave. Keeps totals for the metrics.
 */
public final class RetentionJob implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    /** Totals since start, for the metrics. */
    public record Totals(long deadLettersDeleted, long checkInsDeleted, long heldDeleted, long heldAttached, long heldFlagged) {
    }

    private final HeldCheckIns held;
    private final RetentionTables tables;
    private final IngestLimits limits;
    private final Clock clock;
    private final AtomicLong deadLettersDeleted = new AtomicLong();
    private final AtomicLong checkInsDeleted = new AtomicLong();
    private final AtomicLong heldDeleted = new AtomicLong();
    private final AtomicLong heldAttached = new AtomicLong();
    private final AtomicLong heldFlagged = new AtomicLong();

    public RetentionJob(HeldCheckIns held, RetentionTables tables, IngestLimits limits, Clock clock) {
        this.held = held;
        this.tables = tables;
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        long attached = held.attachWaiting();
        long flagged = held.flagHeldBefore(now.minus(limits.heldGrace()), now);
        long letters = tables.deleteDeadLettersBefore(now.minus(Duration.ofDays(limits.deadLetterRetentionDays())));
        long checkIns = 0;
        long heldGone = 0;
        if (limits.checkInRetentionDays() > 0) {
            Instant cutoff = now.minus(Duration.ofDays(limits.checkInRetentionDays()));
            checkIns = tables.deleteCheckInsBefore(cutoff);
            heldGone = tables.deleteHeldBefore(cutoff);
        }
        heldAttached.addAndGet(attached);
        heldFlagged.addAndGet(flagged);
        deadLettersDeleted.addAndGet(letters);
        checkInsDeleted.addAndGet(checkIns);
        heldDeleted.addAndGet(heldGone);
        if (attached + flagged + letters + checkIns + heldGone > 0) {
            LOG.info("retention: {} held check-ins attached, {} flagged past the grace period; deleted {} dead letters,"
                    + " {} check-ins, {} held check-ins", attached, flagged, letters, checkIns, heldGone);
        }
    }

    /** Totals since start. */
    public Totals totals() {
        return new Totals(deadLettersDeleted.get(), checkInsDeleted.get(), heldDeleted.get(), heldAttached.get(),
                heldFlagged.get());
    }
}
