package org.culturecard.kiosk.store;

import java.util.Objects;

/** An enrolled staff member's display name and PIN hash (never the PIN). */
public record StaffPin(String displayName, String pinHash) {
    public StaffPin {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(pinHash, "pinHash");
    }
}
