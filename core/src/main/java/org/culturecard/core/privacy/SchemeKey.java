package org.culturecard.core.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The scheme's secret HMAC key, held by the council and provisioned to kiosks (file mode 0600).
 * Its file format (ADR 20) is read by {@link #parse} only, wherever the key is loaded.
 */
public final class SchemeKey {
    /** The key's size: HMAC-SHA256's output size, and the size {@code provision scheme-key create} makes. */
    public static final int MIN_BYTES = 32;
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
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

    /**
     * Reads a scheme key file's content (ADR 20): hex text of at least 64 digits, either case, with
     * surrounding white space such as the final line break ignored; any other content is taken as
     * the raw key bytes (at least {@value #MIN_BYTES}), the format of keys made before ADR 20.
     *
     * @throws IllegalArgumentException when the key is shorter than {@value #MIN_BYTES} bytes, or the
     *     content is hex digits only but fewer than 64 or an odd number of them (a cut-off key)
     */
    public static SchemeKey parse(byte[] content) {
        String text = new String(content, StandardCharsets.US_ASCII).trim();
        if (HEX.matcher(text).matches()) {
            if (text.length() < 2 * MIN_BYTES || text.length() % 2 != 0) {
                throw new IllegalArgumentException("the scheme key's hex text has " + text.length()
                        + " digits, not an even number of at least " + 2 * MIN_BYTES);
            }
            return new SchemeKey(HexFormat.of().parseHex(text.toLowerCase(Locale.ROOT)));
        }
        return new SchemeKey(content);
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
