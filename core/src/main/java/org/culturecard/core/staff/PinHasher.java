package org.culturecard.core.staff;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Hashes and checks staff PINs with PBKDF2-HMAC-SHA256, salted, at 210,000 iterations or more
 * (the OWASP figure for this function). A PIN has few possible values, so the slow hash and the
 * authenticator's lockout together are what keep a stolen database or a patient guesser out.
 *
 * <p>The stored form describes itself, {@code pbkdf2-sha256$210000$<salt>$<hash>} (salt and hash
 * in unpadded Base64), so that the iteration count can rise later without breaking stored PINs.
 * In core because three programs must agree on it byte for byte: {@code provision staff} hashes a
 * PIN where it is typed, central keeps only the hash (and checks its form with
 * {@link #isWellFormedHash}), and every kiosk of the venue verifies PINs against it.
 */
public final class PinHasher {
    /** The fewest iterations this class writes or accepts. */
    public static final int MIN_ITERATIONS = 210_000;
    /**
     * The most iterations a stored hash may ask for: a hash arrives from central in the venue
     * config, and one asking for billions of rounds would freeze the kiosk's PIN pad.
     */
    public static final int MAX_ITERATIONS = 2_000_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    /** Scheme, iterations (6 or 7 digits), a 16- to 64-byte salt, a 32-byte hash, in unpadded Base64. */
    private static final Pattern STORED =
            Pattern.compile("pbkdf2-sha256\\$[1-9][0-9]{5,6}\\$[A-Za-z0-9+/]{22,86}\\$[A-Za-z0-9+/]{43}");

    private final SecureRandom random;
    private final int iterations;

    public PinHasher(SecureRandom random) {
        this(random, MIN_ITERATIONS);
    }

    public PinHasher(SecureRandom random, int iterations) {
        this.random = Objects.requireNonNull(random, "random");
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(MIN_ITERATIONS + " to " + MAX_ITERATIONS + " iterations");
        }
        this.iterations = iterations;
    }

    /** A staff PIN is 4 to 12 digits. */
    public static boolean isWellFormed(String pin) {
        return pin != null && pin.matches("[0-9]{4,12}");
    }

    /**
     * True when {@code stored} has exactly the form {@link #hash} writes, with an iteration count
     * in range: what central accepts from {@code provision staff} and a kiosk from its venue config.
     */
    public static boolean isWellFormedHash(String stored) {
        if (stored == null || !STORED.matcher(stored).matches()) {
            return false;
        }
        String[] parts = stored.split("\\$");
        int rounds = Integer.parseInt(parts[1]);
        try {
            int saltBytes = Base64.getDecoder().decode(parts[2]).length;
            return rounds >= MIN_ITERATIONS && rounds <= MAX_ITERATIONS && saltBytes >= SALT_BYTES
                    && Base64.getDecoder().decode(parts[3]).length == HASH_BITS / 8;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The self-describing hash of {@code pin}, under a fresh random salt. */
    public String hash(String pin) {
        if (!isWellFormed(pin)) {
            throw new IllegalArgumentException("a staff PIN is 4 to 12 digits");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return SCHEME + '$' + iterations + '$' + ENCODER.encodeToString(salt) + '$'
                + ENCODER.encodeToString(derive(pin, salt, iterations));
    }

    /** True when {@code pin} matches {@code stored}; false for a malformed or foreign stored value. */
    public static boolean verify(String pin, String stored) {
        if (pin == null || !isWellFormedHash(stored)) {
            return false;
        }
        String[] parts = stored.split("\\$");
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(pin, salt, Integer.parseInt(parts[1])));
    }

    private static byte[] derive(String pin, byte[] salt, int rounds) {
        KeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, rounds, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java runtime", e);
        }
    }
}
