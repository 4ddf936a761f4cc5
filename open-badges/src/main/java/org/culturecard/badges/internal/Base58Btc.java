package org.culturecard.badges.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * Multibase base58btc ({@code z} prefix, Bitcoin alphabet), the encoding of did:key identifiers,
 * Multikey values and eddsa-rdfc-2022 proof values. Leading zero bytes become leading '1's.
 */
final class Base58Btc {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58Btc() {}

    /** {@code z} followed by the base58btc digits of {@code bytes}. */
    static String encodeMultibase(byte[] bytes) {
        StringBuilder digits = new StringBuilder();
        BigInteger n = new BigInteger(1, bytes);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            digits.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            digits.append('1');
        }
        return "z" + digits.reverse();
    }

    /**
     * The bytes of a {@code z}-prefixed multibase value.
     *
     * @throws IllegalArgumentException when it does not start with {@code z} or holds a character outside the alphabet
     */
    static byte[] decodeMultibase(String value) {
        if (value == null || value.isEmpty() || value.charAt(0) != 'z') {
            throw new IllegalArgumentException("not a base58btc multibase value (it must start with 'z')");
        }
        BigInteger n = BigInteger.ZERO;
        int zeros = 0;
        boolean leading = true;
        for (int i = 1; i < value.length(); i++) {
            int digit = ALPHABET.indexOf(value.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a base58btc character at " + i);
            }
            if (leading && digit == 0) {
                zeros++;
            } else {
                leading = false;
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
        int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[zeros], 0, zeros);
        out.write(magnitude, skip, magnitude.length - skip);
        return out.toByteArray();
    }
}
