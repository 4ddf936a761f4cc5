package org.culturecard.core.card;

import java.time.Instant;
import java.util.Objects;

/**
 * A card presented to a reader. It carries the raw UID, so it stays in memory: it goes from the
 * card reader to the kiosk's check-in service and no further. {@link #toString()} leaves the UID out.
 */
public record CardTap(CardUid uid, byte[] atr, CardKind kind, String readerName, Instant at) {
    public CardTap {
        Objects.requireNonNull(uid, "uid");
        atr = atr == null ? new byte[0] : atr.clone();
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(readerName, "readerName");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    public boolean isRandomId() {
        return uid.isRandom();
    }

    @Override
    public String toString() {
        return "CardTap[" + kind + " on '" + readerName + "' at " + at + ", " + uid + "]";
    }
}
