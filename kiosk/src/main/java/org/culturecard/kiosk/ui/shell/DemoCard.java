package org.culturecard.kiosk.ui.shell;

import java.util.Objects;

/**
 * An on-screen demo card: a button on the attract screen that, when pressed, taps a simulated card
 * (the demo passes {@code () -> simulatedReader.tap(card)}). Shown only when a list is given.
 */
public record DemoCard(String label, Runnable tap) {
    public DemoCard {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a demo card needs a label");
        }
        Objects.requireNonNull(tap, "tap");
    }
}
