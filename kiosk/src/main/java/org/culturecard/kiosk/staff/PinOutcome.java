package org.culturecard.kiosk.staff;

import java.time.Instant;
import java.util.Objects;

/** What a PIN typed on the staff pad came to: a closed set, one screen each. */
public sealed interface PinOutcome {

    /** The PIN is a staff member's: staff mode opens. */
    record Accepted(String staffName) implements PinOutcome {
        public Accepted {
            Objects.requireNonNull(staffName, "staffName");
        }
    }

    /** Wrong PIN; {@code triesLeft} more before the pad locks. */
    record Rejected(int triesLeft) implements PinOutcome {}

    /** Too many wrong PINs: the pad refuses every PIN until {@code until}. */
    record LockedOut(Instant until) implements PinOutcome {
        public LockedOut {
            Objects.requireNonNull(until, "until");
        }
    }
}
