package org.culturecard.sync.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.culturecard.core.status.DiskBudget;

/**
 * How much of its disk budget the kiosk database (file, WAL and shared memory) uses, and the alert
 * staff see for it. Check-ins are never dropped: the budget exists so that staff and the fleet view
 * are warned in time (at 50 and 80 percent) while there is still room.
 *
 * @param usedBytes   database + WAL + shm, in bytes
 * @param budgetBytes the configured budget
 */
record DiskUsage(long usedBytes, long budgetBytes) {
    static DiskUsage of(Path database, long budgetBytes) {
        long used = 0;
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                used += Files.size(Path.of(database + suffix));
            } catch (IOException e) {
                // an absent WAL or shm file uses nothing
            }
        }
        return new DiskUsage(used, budgetBytes);
    }

    /** Whole percent of the budget used (may exceed 100). */
    public int percent() {
        return DiskBudget.percentOf(usedBytes, budgetBytes);
    }

    /** The staff-facing alert level (the thresholds are the kiosk's too: {@link DiskBudget#alertAt}). */
    public DiskBudget.Alert alert() {
        return DiskBudget.alertAt(percent());
    }

    /** The verdict the kiosk's status screen reads, measured at {@code at}. */
    public DiskBudget verdictAt(java.time.Instant at) {
        return new DiskBudget(alert(), percent(), usedBytes, budgetBytes, at);
    }

    /** Bytes left before the budget is reached (never negative). */
    public long remainingBytes() {
        return Math.max(0, budgetBytes - usedBytes);
    }
}
