package org.culturecard.badges.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * Ed25519 keys between the JDK's own provider (JCA, no third party) and the raw 32-byte forms that
 * Multikey values carry: {@code publicKeyMultibase} is base58btc of the multicodec ed25519-pub
 * header (0xed 0x01) and the key, {@code secretKeyMultibase} of ed25519-priv (0x80 0x26) and the seed.
 */
public final class Ed25519Keys {
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before the 32 key bytes. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    /** DER prefix of an Ed25519 PKCS #8 PrivateKeyInfo (RFC 8410) before the 32 seed bytes. */
    private static final byte[] PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
        0x04, 0x22, 0x04, 0x20};
    private static final byte[] PUBLIC_HEADER = {(byte) 0xed, 0x01};
    private static final byte[] SECRET_HEADER = {(byte) 0x80, 0x26};
    private static final int KEY_BYTES = 32;

    private Ed25519Keys() {}

    public static String publicKeyMultibase(PublicKey key) {
        return Base58Btc.encodeMultibase(concat(PUBLIC_HEADER, rawPublic(key)));
    }

    public static String secretKeyMultibase(PrivateKey key) {
        byte[] seed = rawSeed(key);
        try {
            return Base58Btc.encodeMultibase(concat(SECRET_HEADER, seed));
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /** @throws IllegalArgumentException when {@code multibase} is not an Ed25519 Multikey public key */
    public static PublicKey publicKey(String multibase) {
        byte[] raw = strip(PUBLIC_HEADER, Base58Btc.decodeMultibase(multibase), "an Ed25519 public key (ed25519-pub)");
        try {
            return factory().generatePublic(new X509EncodedKeySpec(concat(X509_PREFIX, raw)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 public key", e);
        }
    }

    /** @throws IllegalArgumentException when {@code multibase} is not an Ed25519 Multikey secret key */
    public static PrivateKey privateKey(String multibase) {
        byte[] seed = strip(SECRET_HEADER, Base58Btc.decodeMultibase(multibase), "an Ed25519 secret key (ed25519-priv)");
        byte[] pkcs8 = concat(PKCS8_PREFIX, seed);
        try {
            return factory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a valid Ed25519 secret key", e);
        } finally {
            Arrays.fill(seed, (byte) 0);
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** Whether {@code publicKey} is {@code privateKey}'s other half: a signature by one verifies with the other. */
    public static boolean isPair(PrivateKey privateKey, PublicKey publicKey) {
        byte[] probe = "culture card badge key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(probe);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signer.sign());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] rawPublic(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_BYTES, encoded.length);
    }

    private static byte[] rawSeed(PrivateKey key) {
        byte[] encoded = key.getEncoded();
        try {
            return Arrays.copyOfRange(encoded, encoded.length - KEY_BYTES, encoded.length);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static byte[] strip(byte[] header, byte[] value, String what) {
        if (value.length != header.length + KEY_BYTES || value[0] != header[0] || value[1] != header[1]) {
            throw new IllegalArgumentException("not " + what);
        }
        return Arrays.copyOfRange(value, header.length, value.length);
    }

    private static KeyFactory factory() throws GeneralSecurityException {
        return KeyFactory.getInstance("Ed25519");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
