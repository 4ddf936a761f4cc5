package org.culturecard.sip2;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the library system said about one card, reduced to what the scheme needs: the reply's
 * status flags, valid patron (BL) and valid PIN (CQ) answers, the card's expiry and the holder's
 * birth date where given, and the screen message for staff. The patron's name, address, e-mail and
 * phone never get this far: the client drops them while parsing. {@link PatronVerdict} turns these
 * facts into a {@link PatronCheck}, the same way for the real client and for the fake.
 */
public record PatronFacts(Set<PatronFlag> flags, Optional<Boolean> validPatron, Optional<Boolean> validPin,
        Optional<LocalDate> validUntil, Optional<BirthDate> birthDate, Optional<String> screenMessage) {
    public PatronFacts {
        flags = PatronFlag.copyOf(flags);
        Objects.requireNonNull(validPatron, "validPatron");
        Objects.requireNonNull(validPin, "validPin");
        Objects.requireNonNull(validUntil, "validUntil");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(screenMessage, "screenMessage");
    }

    @Override
    public String toString() {
        return "PatronFacts[flags=" + flags + ", validPatron=" + validPatron + ", validPin=" + validPin
                + ", validUntil=" + validUntil + ", birthDate=" + birthDate.map(b -> "given, masked").orElse("none")
                + ", screenMessage=" + Sip2Text.masked(screenMessage.orElse(null)) + "]";
    }
}
