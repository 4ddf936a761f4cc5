package org.culturecard.kiosk.enrol;

import java.util.Objects;
import java.util.Optional;
import org.culturecard.core.enrolment.AgeBand;

/** What a "Register a card", "Replacement card" or "Undo" came to: a closed set, one message each. */
public sealed interface RegisterOutcome {

    /** The card is enrolled (or the replacement joined the old card's person); the band when the LMS gave a birth date. */
    record Registered(Optional<AgeBand> band, boolean replacement) implements RegisterOutcome {
        public Registered {
            Objects.requireNonNull(band, "band");
        }
    }

    /** The mistaken enrolment is taken back. */
    record Undone() implements RegisterOutcome { }

    /** The enrolment to undo is not one of today's (or was undone already). */
    record NothingToUndo() implements RegisterOutcome { }

    /** The library system does not know the card: not a library card. */
    record NotALibraryCard() implements RegisterOutcome { }

    /** Blocked or expired: see library staff. */
    record SeeLibraryStaff(Why why) implements RegisterOutcome {
        /** Which of the two. */
        public enum Why { BLOCKED, EXPIRED }

        public SeeLibraryStaff {
            Objects.requireNonNull(why, "why");
        }
    }

    /** The library system reports the card lost. */
    record CardLost() implements RegisterOutcome { }

    /** The PIN given for a self-service registration is wrong. */
    record WrongPin() implements RegisterOutcome { }

    /** A replacement whose old card the library system still reports as valid, blocked or expired (not lost). */
    record OldCardNotReplaced() implements RegisterOutcome { }

    /** The library system could not be asked or its answer could not be trusted: try again later, nothing stored. */
    record LmsUnreachable() implements RegisterOutcome { }

    /** No {@code sip2.*} section in the kiosk's config: this kiosk does not enrol. */
    record NotConfigured() implements RegisterOutcome { }
}
