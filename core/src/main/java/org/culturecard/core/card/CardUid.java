package org.culturecard.core.card;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A card's UID. It lives only in memory: it has no accessor that returns text, its
 * {@link #toString()} shows only the length, and it is never serialised. The only way out of the
 * process is as a {@link org.culturecard.core.privacy.Token}.
 */
public final class CardUid {
    private final byte[] bytes;

    private CardUid(byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 7 && bytes.length != 10) {
            throw new IllegalArgumentException("a card UID is 4, 7 or 10 bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public static CardUid of(byte[] bytes) {
        return new CardUid(bytes);
    }

    /** A copy of the UID's bytes, for the pseudonymiser only. */
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /**
     * A random identifier (ISO 14443-3: a single-size UID whose first byte is 0x08), as phones,
     * bank cards and passports present: a new one every tap, so it cannot identify anyone.
     */
    public boolean isRandom() {
        return bytes.length == 4 && bytes[0] == 0x08;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardUid that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "CardUid[" + bytes.length + " bytes]";
    }
}
