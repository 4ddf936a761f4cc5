package org.culturecard.sip2;

/**
 * A card holder's PIN for self-service, sent in the patron password field (AD) of a patron
 * information request and nowhere else. Held in memory for one request; {@link #toString()} never
 * shows it.
 */
public record PatronPin(String value) {
    /** SIP2 passwords are free text; PINs are 4 to 8 digits in practice. */
    public static final int MAX_LENGTH = 32;

    public PatronPin {
        Sip2Text.requireSafe("PIN", value, MAX_LENGTH);
    }

    public static PatronPin of(String value) {
        return new PatronPin(value);
    }

    @Override
    public String toString() {
        return "PatronPin[masked]";
    }
}
