package org.culturecard.sip2;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The card is a valid library card, not lost, blocked or expired (and, where a PIN was given, the
 * PIN is right).
 *
 * @param flags         the patron status flags the LMS set (none of them blocks the card here)
 * @param validUntil    the card's expiry date, where the LMS reports one
 * @param birthDate     the holder's birth date, where the LMS reports one (in memory only)
 * @param screenMessage the LMS's message for staff, where it sent one (may hold personal data)
 */
public record ValidPatron(Set<PatronFlag> flags, Optional<LocalDate> validUntil, Optional<BirthDate> birthDate,
        Optional<String> screenMessage) implements PatronCheck {
    public ValidPatron {
        flags = PatronFlag.copyOf(flags);
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(screenMessage, "screenMessage");
    }

    @Override
    public String toString() {
        return "ValidPatron[flags=" + flags + ", validUntil=" + validUntil.map(LocalDate::toString).orElse("none")
                + ", birthDate=" + birthDate.map(b -> "given, masked").orElse("none")
                + ", screenMessage=" + Sip2Text.masked(screenMessage.orElse(null)) + "]";
    }
}
