package org.culturecard.sip2;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The LMS denies the card's charge privileges: the library has blocked it (fines, a staff block).
 * For the kiosk: "see library staff". {@code flags} says why, as far as SIP2 can.
 */
public record BlockedPatron(Set<PatronFlag> flags, Optional<String> screenMessage) implements PatronCheck {
    public BlockedPatron {
        flags = PatronFlag.copyOf(flags);
        Objects.requireNonNull(screenMessage, "screenMessage");
    }

    @Override
    public String toString() {
        return "BlockedPatron[flags=" + flags + ", screenMessage=" + Sip2Text.masked(screenMessage.orElse(null)) + "]";
    }
}
