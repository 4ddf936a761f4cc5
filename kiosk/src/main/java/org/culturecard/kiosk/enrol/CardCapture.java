package org.culturecard.kiosk.enrol;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.culturecard.core.card.CardTap;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the tap of a card being registered, before the tap dispatcher would check it in: the UID is
 * pseudonymised here, on the reader's thread, and only the token goes on. A random-ID card is taken
 * and dropped (it cannot be registered). Thread-safe.
 */
public final class CardCapture implements ChipWaiter, Predicate<CardTap> {
    private static final Logger LOG = LoggerFactory.getLogger(CardCapture.class);
    private final Pseudonymiser pseudonymiser;
    private volatile Consumer<Token> waiting;

    public CardCapture(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = Objects.requireNonNull(pseudonymiser, "pseudonymiser");
    }

    @Override
    public void await(Consumer<Token> onCard) {
        waiting = Objects.requireNonNull(onCard, "onCard");
    }

    @Override
    public void stop() {
        waiting = null;
    }

    /** True when the tap was taken for a registration (and so is not a check-in). */
    @Override
    public boolean test(CardTap tap) {
        Consumer<Token> taker = waiting;
        if (taker == null) {
            return false;
        }
        if (tap.isRandomId()) {
            LOG.info("A random-ID card ({}) was tapped to be registered: ignored", tap.kind());
            return true;
        }
        taker.accept(pseudonymiser.tokenFor(tap.uid()));
        return true;
    }
}
