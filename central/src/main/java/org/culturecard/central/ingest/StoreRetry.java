package org.culturecard.central.ingest;

import java.util.function.BooleanSupplier;
import org.culturecard.central.store.StoreUnavailableException;
import org.culturecard.mqttlink.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest workers' one retry policy: while the store is unavailable (PostgreSQL restarting, a
 * failover), the same message is tried again after the standard backoff, capped at its 11th step,
 * so that nothing the broker handed over is dropped or dead-lettered for an outage. Every other
 * failure goes to the caller, which dead-letters the message.
 */
public final class StoreRetry {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRetry.class);
    private static final int LAST_STEP = 11;

    private StoreRetry() { }

    /**
     * Runs {@code work} until it ends without {@link StoreUnavailableException}; before each retry
     * calls {@code retrying} and logs {@code what}. Returns false, without finishing, when
     * {@code closed} says so first or the thread is interrupted while waiting.
     */
    public static boolean untilStored(BooleanSupplier closed, String what, Runnable work, Runnable retrying) {
        int attempt = 0;
        while (!closed.getAsBoolean()) {
            try {
                work.run();
                return true;
            } catch (StoreUnavailableException e) {
                retrying.run();
                long delay = Backoff.standard().delay(Math.min(++attempt, LAST_STEP)).toMillis();
                LOG.warn("store unavailable {}, retrying in {} ms: {}", what, delay, e.getMessage());
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
