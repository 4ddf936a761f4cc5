package org.culturecard.central.identity;

import java.util.Objects;

/** What became of one enrolment record at central. */
public sealed interface Outcome {

    /** Applied: {@code action} is what it did (bind, merge, replace, undo, split), as audited. */
    record Applied(String action) implements Outcome {
        public Applied {
            Objects.requireNonNull(action, "action");
        }
    }

    /** Stored before (a redelivery): nothing changed. */
    record Duplicate() implements Outcome {
    }

    /** Stored as refused and audited, never applied: why. */
    record Refused(String reason) implements Outcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
