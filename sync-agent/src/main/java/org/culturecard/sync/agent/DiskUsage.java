package org.culturecard.sync.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much of its disk budget the kiosk database (file, WAL and shared memory) uses, and the alert
 * staff see for it. Check-ins are never dropped: the budget exists so that staff and the fleet view
 * are warned in time (at 50 and 80 percent) while there is still room.
 *
 * @param usedBytes   database + WAL + shm, in bytes
 * @param budgetBytes the configured budget
 */
public record DiskUsage(long usedBytes, long budgetBytes) {
    /** The staff-facing alert level. */
    public enum Alert {
        /** Under half the budget. */
        NONE,
        /** At least 50 percent: plan a connection or a purge. */
        HALF,
        /** At least 80 percent: act now. */
        HIGH,
        /** At or over the budget: still recording, but the disk may soon be full. */
        OVER
    }

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
        return (int) Math.min(Integer.MAX_VALUE, usedBytes * 100 / budgetBytes);
    }

    public Alert alert() {
        int percent = percent();
        if (percent >= 100) {
            return Alert.OVER;
        }
        if (percent >= 80) {
            return Alert.HIGH;
        }
        return percent >= 50 ? Alert.HALF : Alert.NONE;
    }

    /** Bytes left before the budget is reached (never negative). */
    public long remainingBytes() {
        return Math.max(0, budgetBytes - usedBytes);
    }
}
