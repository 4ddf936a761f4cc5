package org.culturecard.badges.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A W3C Bitstring Status List ("Bitstring Status List v1.0", section 3): one bit per issued
 * credential, at the credential's {@code statusListIndex}; a set bit means revoked. Index 0 is the
 * most significant bit of the first byte. The list is at least 16 KB (131,072 bits) so that one
 * credential's index says little about who holds it. Encoded as the spec says: GZIP, then base64url
 * without padding, with the multibase prefix {@code u}. Not thread-safe: its owner serialises changes.
 */
public final class BitstringStatusList {
    /** The spec's minimum length: 16 KB of bits. */
    public static final int MIN_BITS = 16 * 1024 * 8;
    /** A cap on a decoded list (16 MB of bits), so a hostile encodedList cannot inflate without bound. */
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    /** An empty list (nothing revoked) of {@value #MIN_BITS} bits. */
    public static BitstringStatusList empty() {
        return ofLength(MIN_BITS);
    }

    /** An empty list of {@code length} bits: a multiple of 8, at least {@value #MIN_BITS}. */
    public static BitstringStatusList ofLength(int length) {
        if (length < MIN_BITS || length % 8 != 0 || length / 8 > MAX_BYTES) {
            throw new IllegalArgumentException("a status list has a multiple of 8 bits, from " + MIN_BITS + " to "
                    + MAX_BYTES * 8L + ": " + length);
        }
        return new BitstringStatusList(new byte[length / 8]);
    }

    /**
     * The list in an {@code encodedList} value.
     *
     * @throws IllegalArgumentException when it is not {@code u} + base64url of a GZIP stream of 16 KB to 16 MB
     */
    public static BitstringStatusList decode(String encodedList) {
        if (encodedList == null || encodedList.isEmpty() || encodedList.charAt(0) != 'u') {
            throw new IllegalArgumentException("encodedList must start with the multibase prefix 'u' (base64url)");
        }
        byte[] gzipped;
        try {
            gzipped = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encodedList is not base64url: " + e.getMessage(), e);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            byte[] bits = in.readNBytes(MAX_BYTES + 1);
            if (bits.length < MIN_BITS / 8 || bits.length > MAX_BYTES) {
                throw new IllegalArgumentException("a status list holds 16 KB to 16 MB, not " + bits.length + " bytes");
            }
            return new BitstringStatusList(bits);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP: " + e.getMessage(), e);
        }
    }

    /** {@code u} + base64url (no padding) of the GZIP-compressed bits. */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /** Revokes the credential at {@code index}: sets its bit (revoking twice changes nothing). */
    public void revoke(int index) {
        bits[byteOf(index)] |= mask(index);
    }

    public boolean isRevoked(int index) {
        return (bits[byteOf(index)] & mask(index)) != 0;
    }

    /** The number of bits: the highest index is one less. */
    public int length() {
        return bits.length * 8;
    }

    /** A copy of the bits, for the owner to store. */
    public byte[] toBytes() {
        return bits.clone();
    }

    /** A list from bits its owner stored ({@link #toBytes()}). */
    public static BitstringStatusList fromBytes(byte[] stored) {
        BitstringStatusList list = ofLength(stored.length * 8);
        System.arraycopy(stored, 0, list.bits, 0, stored.length);
        return list;
    }

    private int byteOf(int index) {
        if (index < 0 || index >= length()) {
            throw new IndexOutOfBoundsException("status list index " + index + " is outside 0.." + (length() - 1));
        }
        return index / 8;
    }

    private static int mask(int index) {
        return 0x80 >>> (index % 8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BitstringStatusList list && Arrays.equals(bits, list.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bits);
    }
}
