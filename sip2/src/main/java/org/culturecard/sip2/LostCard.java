package org.culturecard.sip2;

import java.util.Objects;
import java.util.Optional;

/**
 * The LMS reports this card lost (patron status flag "card reported lost"). A replacement card
 * may join the lost card's person (issue 13); the lost card itself stops counting.
 */
public record LostCard(Optional<String> screenMessage) implements PatronCheck {
    public LostCard {
        Objects.requireNonNull(screenMessage, "screenMessage");
    }

    @Override
    public String toString() {
        return "LostCard[screenMessage=" + Sip2Text.masked(screenMessage.orElse(null)) + "]";
    }
}
