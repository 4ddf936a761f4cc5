package org.culturecard.sync.agent;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Turns hints that the outbox may have a new row ({@link WalWatch}) into looks on the agent's
 * worker. Hints that come while a look is queued make no second one, so under load the forwarder
 * reads whole batches, not a row per hint. A look that finds nothing is repeated after 1, 2, 4 ...
 * 512 ms (about 1 s in all), since a hint comes before the kiosk's commit is visible (SQLite writes
 * the WAL, syncs it, then publishes the commit; the sync alone can take a busy disk 100 ms); so a
 * look comes at most about twice as late as the commit became visible. A fresh hint starts the
 * steps again. The agent's timer remains the safety net for a hint that never comes.
 */
final class Lookout {
    /** Delays of the looks after one that found nothing, in milliseconds. */
    static final long[] AGAIN_MILLIS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

    /** Where looks run: the agent's worker. */
    interface Scheduler {
        void post(Runnable task);

        void later(long delayMillis, Runnable task);
    }

    private final Scheduler scheduler;
    private final BooleanSupplier look;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicInteger hints = new AtomicInteger(); // scheduled looks for an older hint stop

    /** {@code look} returns false when it found nothing it could send (the forwarder's pump). */
    Lookout(Scheduler scheduler, BooleanSupplier look) {
        this.scheduler = scheduler;
        this.look = look;
    }

    /** Any thread: the outbox may have a new row. */
    void hint() {
        hints.incrementAndGet();
        if (queued.compareAndSet(false, true)) {
            scheduler.post(this::fresh);
        }
    }

    private void fresh() {
        queued.set(false);
        lookAt(hints.get(), 0);
    }

    private void lookAt(int forHint, int step) {
        if (forHint != hints.get() || look.getAsBoolean() || step >= AGAIN_MILLIS.length) {
            return; // superseded by a later hint, found something, or given up until the next hint
        }
        scheduler.later(AGAIN_MILLIS[step], () -> lookAt(forHint, step + 1));
    }
}
