package org.culturecard.kioskdb;

import java.util.Objects;
import java.util.UUID;

/**
 * A staff member in the kiosk's staff table: their display name, PIN hash (never the PIN) if they
 * have one, whether a staff card is enrolled for them, and whether central revoked them.
 */
public record StaffRow(UUID id, String displayName, String pinHash, boolean hasCard, boolean revoked) {
    public StaffRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }

    public boolean hasPin() {
        return pinHash != null;
    }
}
