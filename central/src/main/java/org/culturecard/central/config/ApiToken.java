package org.culturecard.central.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.culturecard.core.ids.VenueId;

/**
 * One named bearer token of central's API: its name (what the audit table records, never the
 * secret), its role, the SHA-256 of its secret (the only form kept in memory), and for a venue
 * manager the venues it may see.
 */
public record ApiToken(String name, Role role, String secretSha256, Set<VenueId> venues) {

    /** Token names: what the config's keys and the audit table use. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ApiToken {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a token name is 1 to 40 of [a-z0-9-], starting with a letter or digit");
        }
        Objects.requireNonNull(role, "role");
        if (secretSha256 == null || !SHA256_HEX.matcher(secretSha256).matches()) {
            throw new IllegalArgumentException("secret-sha256 must be 64 lower-case hex digits");
        }
        venues = Set.copyOf(venues);
        if ((role == Role.VENUE_MANAGER) == venues.isEmpty()) {
            throw new IllegalArgumentException(role == Role.VENUE_MANAGER ? "a venue manager needs venues"
                    : "only a venue manager has venues");
        }
    }

    /** A token from its secret as it is presented (hashed at once). */
    public static ApiToken withSecret(String name, Role role, String secret, Set<VenueId> venues) {
        return new ApiToken(name, role, sha256Hex(secret), venues);
    }

    /** The SHA-256 of a presented secret, lower-case hex: what {@link #secretSha256} holds. */
    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** The SHA-256 of a presented secret. */
    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Compares in constant time: {@code presentedSha256} is the SHA-256 of what the caller sent. */
    public boolean matches(byte[] presentedSha256) {
        return MessageDigest.isEqual(presentedSha256, HexFormat.of().parseHex(secretSha256));
    }

    /** True when this token may see {@code venue}'s figures: every venue, except for a venue manager. */
    public boolean sees(VenueId venue) {
        return role != Role.VENUE_MANAGER || venues.contains(venue);
    }

    @Override
    public String toString() {
        return "ApiToken[" + name + ", " + role.code() + (venues.isEmpty() ? "" : ", venues=" + venues) + "]";
    }
}
