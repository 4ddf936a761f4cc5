package org.culturecard.badges;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who earned a badge, as a credential names them: an Open Badges {@code IdentityObject} with the
 * salted SHA-256 hash of a per-person identifier ({@code identityHash} "sha256$" + 64 hex digits) and
 * the salt. Never a name, an email, a card UID or the identifier itself: the record holds only the
 * hash, so no raw identifier can reach a credential or a log. Someone who knows the identifier can
 * check a badge is theirs ({@link #matches}).
 */
public record Recipient(String identityHash, String salt) {
    private static final Pattern HASH = Pattern.compile("sha256\\$[0-9a-f]{64}");
    private static final int SALT_BYTES = 16;

    public Recipient {
        if (identityHash == null || !HASH.matcher(identityHash).matches()) {
            throw new IllegalArgumentException("identityHash must be sha256$ and 64 lower-case hex digits");
        }
        AchievementInfo.requireText("salt", salt);
    }

    /** The recipient whose per-person identifier is {@code identifier}, hashed with {@code salt}. */
    public static Recipient hashing(String identifier, String salt) {
        AchievementInfo.requireText("recipient identifier", identifier);
        AchievementInfo.requireText("salt", salt);
        return new Recipient(hash(identifier, salt), salt);
    }

    /** As {@link #hashing}, with a fresh random salt (16 bytes, hex) from {@code random}. */
    public static Recipient hashingWithNewSalt(String identifier, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hashing(identifier, HexFormat.of().formatHex(salt));
    }

    /** Whether this recipient is the person whose identifier is {@code identifier}. */
    public boolean matches(String identifier) {
        return identifier != null && MessageDigest.isEqual(
                identityHash.getBytes(StandardCharsets.US_ASCII), hash(identifier, salt).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String identifier, String salt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((Objects.requireNonNull(identifier) + salt).getBytes(StandardCharsets.UTF_8));
            return "sha256$" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }
}
