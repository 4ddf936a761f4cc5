package org.culturecard.central.ingest;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.culturecard.central.store.Admission;
import org.culturecard.central.store.IngestResult;
import org.culturecard.central.store.PlacedCheckIn;

/**
 * An ingest worker's figures since start, for {@code /metrics} and its closing log line: batches
 * stored, records inserted, duplicated, held and refused, dead letters, store retries, and the lag
 * from a kiosk's tap and {@code sentAt} to the commit. Thread-safe (the callback and store threads
 * count, the metrics read).
 */
final class IngestCounters {
    private final Clock clock;
    private final AtomicLong batchesStored = new AtomicLong();
    private final AtomicLong recordsInserted = new AtomicLong();
    private final AtomicLong recordsDuplicated = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong recordsHeld = new AtomicLong();
    private final AtomicLong recordsRefused = new AtomicLong();
    private final AtomicLong storeRetries = new AtomicLong();
    private final AtomicLong latestTapMillis = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong commitLagMillis = new AtomicLong();

    IngestCounters(Clock clock) {
        this.clock = clock;
    }

    /** A batch committed with {@code result}; its lag figures come from {@code admission}'s placed tap times. */
    void stored(Admission admission, IngestResult result) {
        batchesStored.incrementAndGet();
        recordsInserted.addAndGet(result.inserted());
        recordsDuplicated.addAndGet(result.duplicates());
        recordsHeld.addAndGet(result.held());
        recordsRefused.addAndGet(result.refused().size());
        noteLag(admission);
    }

    void deadLettered() {
        deadLetters.incrementAndGet();
    }

    void storeRetried() {
        storeRetries.incrementAndGet();
    }

    /** Totals since start, with {@code connects} from the connection. */
    IngestStats stats(long connects) {
        return new IngestStats(batchesStored.get(), recordsInserted.get(), recordsDuplicated.get(), deadLetters.get(),
                storeRetries.get(), connects, recordsHeld.get(), recordsRefused.get());
    }

    /** Epoch millis of the newest tap in any stored batch, or {@code Long.MIN_VALUE} before the first. */
    long latestTapMillis() {
        return latestTapMillis.get();
    }

    /** From the kiosk's {@code sentAt} to the commit of the last stored batch, in ms (clocks permitting). */
    long commitLagMillis() {
        return commitLagMillis.get();
    }

    /** Lag figures from the placed tap times; a kiosk clock that cannot be right does not feed them. */
    private void noteLag(Admission admission) {
        long newest = Long.MIN_VALUE;
        for (PlacedCheckIn placed : admission.admitted()) {
            if (placed.reported()) {
                newest = Math.max(newest, placed.tappedAt().toEpochMilli());
            }
        }
        latestTapMillis.accumulateAndGet(newest, Math::max);
        if (TapTimes.plausible(admission.batch().sentAt(), clock.instant())) {
            commitLagMillis.set(clock.millis() - admission.batch().sentAt().toEpochMilli());
        }
    }
}
