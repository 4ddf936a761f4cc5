package org.culturecard.sip2;

import java.util.Objects;
import java.util.Optional;

/**
 * The LMS knows no patron with this barcode (valid patron: N), or the value could never be a
 * barcode on this LMS's wire (it holds the field delimiter or a character the configured charset
 * cannot carry). For the kiosk: "not a library card".
 */
public record UnknownPatron(Optional<String> screenMessage) implements PatronCheck {
    public UnknownPatron {
        Objects.requireNonNull(screenMessage, "screenMessage");
    }

    public static UnknownPatron withoutMessage() {
        return new UnknownPatron(Optional.empty());
    }

    @Override
    public String toString() {
        return "UnknownPatron[screenMessage=" + Sip2Text.masked(screenMessage.orElse(null)) + "]";
    }
}
