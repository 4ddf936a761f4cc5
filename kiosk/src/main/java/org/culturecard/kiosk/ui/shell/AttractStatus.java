package org.culturecard.kiosk.ui.shell;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the attract and staff screens show about the kiosk, read in the background (it touches the
 * disk): the running event's title (empty: drop-in), the sync state, and where a corrupt store was
 * moved at start, if it was.
 */
public record AttractStatus(Optional<String> eventTitle, SyncIndicator sync, Optional<Path> corruptStoreMovedTo) {
    public AttractStatus {
        Objects.requireNonNull(eventTitle, "eventTitle");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(corruptStoreMovedTo, "corruptStoreMovedTo");
    }

    public static AttractStatus initial() {
        return new AttractStatus(Optional.empty(), SyncIndicator.unknown(0), Optional.empty());
    }
}
