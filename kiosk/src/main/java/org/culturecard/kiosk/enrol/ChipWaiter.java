package org.culturecard.kiosk.enrol;

import java.util.function.Consumer;
import org.culturecard.core.privacy.Token;

/** The register page waits for the chip of the card being registered: its token, never its UID. */
public interface ChipWaiter {
    /** The next tap's token goes to {@code onCard} (on the card reader's thread), not to a check-in. */
    void await(Consumer<Token> onCard);

    /** Taps are check-ins again. */
    void stop();
}
