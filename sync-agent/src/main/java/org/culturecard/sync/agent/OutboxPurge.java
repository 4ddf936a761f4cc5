package org.culturecard.sync.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes outbox rows central acknowledged more than {@code purge.after} ago, at start and then once
 * a day, so the kiosk's file does not grow without end. Confined to the agent's worker.
 */
final class OutboxPurge {
    private static final Logger log = LoggerFactory.getLogger(MqttSyncAgent.class); // the agent's one log
    private static final Duration EVERY = Duration.ofHours(24);

    /** The outbox's purge (the kiosk's SQLite file in production). */
    @FunctionalInterface
    interface Purger {
        /** Deletes rows delivered before {@code olderThan}; how many. */
        int purgeDelivered(Instant olderThan);
    }

    private final Purger purger;
    private final Duration after;
    private final Clock clock;
    private Instant lastPurgeAt = Instant.MIN;

    OutboxPurge(Purger purger, Duration after, Clock clock) {
        this.purger = purger;
        this.after = after;
        this.clock = clock;
    }

    /** Purges when a day has passed since the last purge (or none has run yet). */
    void purgeIfDue() {
        if (!clock.instant().isBefore(lastPurgeAt.plus(EVERY))) {
            purge();
        }
    }

    private void purge() {
        lastPurgeAt = clock.instant();
        int purged = purger.purgeDelivered(lastPurgeAt.minus(after));
        if (purged > 0) {
            log.info("purged {} outbox rows delivered more than {} ago", purged, after);
        }
    }
}
