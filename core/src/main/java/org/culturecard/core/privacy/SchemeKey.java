package org.culturecard.core.privacy;

import java.util.Arrays;

/** The scheme's secret HMAC key, held by the council and provisioned to kiosks (file mode 0600). */
public final class SchemeKey {
    public static final int MIN_BYTES = 32;
    private final byte[] bytes;

    private SchemeKey(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("the scheme key must be at least " + MIN_BYTES
                    + " bytes, not " + bytes.length);
        }
        this.bytes = bytes.clone();
    }

    public static SchemeKey of(byte[] bytes) {
        return new SchemeKey(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SchemeKey that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SchemeKey[redacted]";
    }
}
