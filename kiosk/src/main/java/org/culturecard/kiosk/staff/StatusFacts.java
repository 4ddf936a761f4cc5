package org.culturecard.kiosk.staff;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What the store and the disk say for the staff status screen: the last tap, the backlog, free space. */
public record StatusFacts(Optional<Instant> lastTap, long outboxBacklog, long diskFreeBytes) {
    public StatusFacts {
        Objects.requireNonNull(lastTap, "lastTap");
    }
}
