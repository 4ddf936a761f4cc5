package org.culturecard.core.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.card.LibraryBarcode;

/**
 * Turns a card identity into a {@link Token}: HMAC-SHA256 under the scheme key. The same card
 * always gives the same token under one key; without the key a token reveals nothing.
 * Thread-safe: a {@link Mac} is made per call (cheap next to a tap).
 */
public final class Pseudonymiser {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public Pseudonymiser(SchemeKey key) {
        this.key = new SecretKeySpec(key.bytes(), ALGORITHM);
    }

    /** The token of a chip card: HMAC over the UID's bytes. */
    public Token tokenFor(CardUid uid) {
        return hmac(uid.bytes());
    }

    /**
     * The token of a card read by its printed barcode (no chip): HMAC over the ASCII digits,
     * prefixed so that a barcode can never collide with a UID.
     */
    public Token tokenForBarcode(String cardNumber) {
        if (cardNumber == null || !cardNumber.matches("[0-9A-Za-z]{4,32}")) {
            throw new IllegalArgumentException("a library card number is 4 to 32 letters or digits");
        }
        return hmac(("barcode:" + cardNumber).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The token of a card read by its barcode, normalised one way on every path: exactly
     * {@link #tokenForBarcode}{@code (barcode.number())}. Prefer this to the string form, so that no
     * path can skip the normalisation.
     */
    public Token tokenFor(LibraryBarcode barcode) {
        return tokenForBarcode(barcode.number());
    }

    private Token hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return new Token(HexFormat.of().formatHex(mac.doFinal(message)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
