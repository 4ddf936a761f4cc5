package org.culturecard.sync.agent;

import java.time.Instant;

/**
 * What the kiosk's staff status screen (and the demo) shows about forwarding: a snapshot, safe to
 * read from any thread.
 *
 * @param connected      connected to the broker and subscribed to acks
 * @param backlog        check-ins central has not acknowledged yet
 * @param lastSyncAt     when central last acknowledged a batch; null if never since start
 * @param failedAttempts failed connection attempts in a row (0 when connected)
 * @param problem        the last connection problem in words, or null
 * @param disk           the kiosk database's use of its disk budget, with the alert level (50 / 80 percent)
 */
public record SyncStatus(boolean connected, long backlog, Instant lastSyncAt, int failedAttempts, String problem,
        DiskUsage disk) {
    static SyncStatus initial() {
        return new SyncStatus(false, 0, null, 0, null, new DiskUsage(0, Long.MAX_VALUE));
    }
}
