package org.culturecard.sip2;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The card's expiry date (as the LMS reports it) has passed. For the kiosk: "see library staff". */
public record ExpiredCard(LocalDate expiredOn, Optional<String> screenMessage) implements PatronCheck {
    public ExpiredCard {
        Objects.requireNonNull(expiredOn, "expiredOn");
        Objects.requireNonNull(screenMessage, "screenMessage");
    }

    @Override
    public String toString() {
        return "ExpiredCard[expiredOn=" + expiredOn + ", screenMessage=" + Sip2Text.masked(screenMessage.orElse(null)) + "]";
    }
}
