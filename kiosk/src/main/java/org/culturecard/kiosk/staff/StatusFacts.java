package org.culturecard.kiosk.staff;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.culturecard.core.status.DiskBudget;

/**
 * What the store and the disk say for the staff status screen: the last tap, the backlog, free
 * space, and the sync agent's disk-budget verdict (empty until the agent has written one).
 */
public record StatusFacts(Optional<Instant> lastTap, long outboxBacklog, long diskFreeBytes,
                          Optional<DiskBudget> diskBudget) {
    public StatusFacts {
        Objects.requireNonNull(lastTap, "lastTap");
        Objects.requireNonNull(diskBudget, "diskBudget");
    }
}
