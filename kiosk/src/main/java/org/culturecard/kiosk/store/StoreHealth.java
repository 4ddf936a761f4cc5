package org.culturecard.kiosk.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the store found when it opened: a healthy file, or a corrupt one that it moved aside (kept
 * for forensics, never deleted) and replaced with a fresh one. Staff screens show the latter.
 */
public record StoreHealth(Path file, Optional<Path> movedAside, String problem) {

    static StoreHealth healthy(Path file) {
        return new StoreHealth(file, Optional.empty(), null);
    }

    static StoreHealth recovered(Path file, Path movedAside, String problem) {
        return new StoreHealth(file, Optional.of(movedAside), problem);
    }

    /** True when the file was corrupt at start and the kiosk began again with an empty store. */
    public boolean recoveredFromCorruption() {
        return movedAside.isPresent();
    }
}
