package org.culturecard.kioskdb;

import java.util.List;
import java.util.Optional;

/** What {@code PRAGMA integrity_check} found in a kiosk database file ({@link KioskDbFiles#checkIntegrity}). */
public sealed interface Integrity {
    /** There is no file yet: the kiosk creates it at its first start. */
    record Absent() implements Integrity {}

    /** The check said {@code ok}. */
    record Sound() implements Integrity {}

    /** The check listed damage, one finding per line of its answer (at least one). */
    record Damaged(List<String> findings) implements Integrity {
        public Damaged {
            findings = List.copyOf(findings);
            if (findings.isEmpty()) {
                throw new IllegalArgumentException("damage needs a finding");
            }
        }
    }

    /** The file could not be opened or checked at all (it is not a database, say). */
    record Unreadable(String reason) implements Integrity {}

    /** What is wrong, in one line; empty for a sound or absent file. */
    default Optional<String> problem() {
        if (this instanceof Damaged damaged) {
            return Optional.of(String.join("; ", damaged.findings()));
        }
        if (this instanceof Unreadable unreadable) {
            return Optional.of(unreadable.reason());
        }
        return Optional.empty();
    }
}
