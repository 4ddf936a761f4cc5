package org.culturecard.provisioning.staff;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Staff PIN hashes in the kiosk's format, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}:
 * PBKDF2-HMAC-SHA256, 210,000 iterations, a 16-byte random salt, a 32-byte hash, salt and hash in
 * unpadded Base64. The same format as {@code org.culturecard.kiosk.staff.PinHasher}, written again
 * here because provisioning may not depend on the kiosk; {@code PinHashTest} pins a test vector
 * that the kiosk's hasher verifies too.
 */
public final class PinHash {
    public static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private PinHash() {}

    /** A staff PIN is 4 to 12 digits, as on the kiosk. */
    public static boolean isWellFormed(String pin) {
        return pin != null && pin.matches("[0-9]{4,12}");
    }

    /** The stored form of {@code pin} under a fresh salt from {@code random}. */
    public static String hash(String pin, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(pin, salt, ITERATIONS);
    }

    /** The stored form of {@code pin} under {@code salt}: for test vectors. */
    public static String hash(String pin, byte[] salt, int iterations) {
        if (!isWellFormed(pin)) {
            throw new IllegalArgumentException("a staff PIN is 4 to 12 digits");
        }
        if (iterations < ITERATIONS) {
            throw new IllegalArgumentException("at least " + ITERATIONS + " iterations");
        }
        return "pbkdf2-sha256$" + iterations + '$' + BASE64.encodeToString(salt) + '$'
                + BASE64.encodeToString(derive(pin, salt, iterations));
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(pin.toCharArray(), salt, iterations, HASH_BITS)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        }
    }
}
