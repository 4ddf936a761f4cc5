package org.culturecard.central.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.culturecard.core.ids.VenueId;

/**
 * Reads the API's tokens from central's settings, each error naming its key:
 * {@code central.api.tokens.<name>.role} (officer, venue-manager, researcher, auditor, admin),
 * exactly one of {@code .secret} (at least 16 characters) or {@code .secret-sha256} (the SHA-256
 * of the secret, 64 lower-case hex digits, so the file need not hold the secret), and for a venue
 * manager {@code .venues} (comma-separated venue ids); plus the legacy lists
 * {@code central.api.read-tokens} (officers) and {@code central.api.admin-tokens} (admins).
 */
final class TokenSettings {

    static final int MIN_SECRET_LENGTH = 16;
    private static final Pattern KEY = Pattern.compile(Pattern.quote(CentralConfig.TOKENS_PREFIX)
            + "([^.]+)\\.(role|secret|secret-sha256|venues)");

    private TokenSettings() {
    }

    /** True for a key of a named token (its name is checked when the tokens are read). */
    static boolean isTokenKey(String key) {
        return KEY.matcher(key).matches();
    }

    /** Every token the settings name, legacy ones first. */
    static CentralConfig.ApiTokens parse(Map<String, String> values) {
        List<ApiToken> tokens = new ArrayList<>(legacy(list(values.get(CentralConfig.READ_TOKENS)),
                list(values.get(CentralConfig.ADMIN_TOKENS))));
        Set<String> names = new TreeSet<>();
        for (String key : values.keySet()) {
            Matcher m = KEY.matcher(key);
            if (m.matches()) {
                names.add(m.group(1));
            }
        }
        for (String name : names) {
            tokens.add(named(values, name));
        }
        return new CentralConfig.ApiTokens(tokens);
    }

    /** Officer and admin tokens from their secrets, named {@code read-token-N} and {@code admin-token-N}. */
    static List<ApiToken> legacy(Collection<String> officer, Collection<String> admin) {
        List<ApiToken> tokens = new ArrayList<>(legacy(CentralConfig.READ_TOKENS, "read-token-", Role.OFFICER, officer));
        tokens.addAll(legacy(CentralConfig.ADMIN_TOKENS, "admin-token-", Role.ADMIN, admin));
        return tokens;
    }

    private static List<ApiToken> legacy(String key, String prefix, Role role, Collection<String> secrets) {
        List<ApiToken> tokens = new ArrayList<>();
        for (String secret : secrets) {
            CentralConfig.require(key, secret.length() >= MIN_SECRET_LENGTH, "tokens need at least " + MIN_SECRET_LENGTH
                    + " characters");
            tokens.add(ApiToken.withSecret(prefix + (tokens.size() + 1), role, secret, Set.of()));
        }
        return tokens;
    }

    private static ApiToken named(Map<String, String> values, String name) {
        String key = CentralConfig.TOKENS_PREFIX + name;
        CentralConfig.require(key, ApiToken.NAME.matcher(name).matches(),
                "has a bad name: 1 to 40 of [a-z0-9-], starting with a letter or digit");
        String roleCode = values.get(key + ".role");
        CentralConfig.require(key + ".role", roleCode != null && !roleCode.isEmpty(), "is required");
        Role role;
        try {
            role = Role.fromCode(roleCode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ".role " + e.getMessage(), e);
        }
        String secret = values.get(key + ".secret");
        String hash = values.get(key + ".secret-sha256");
        CentralConfig.require(key + ".secret", (secret == null) != (hash == null),
                "or " + key + ".secret-sha256 is required, not both");
        CentralConfig.require(key + ".secret", secret == null || secret.length() >= MIN_SECRET_LENGTH,
                "needs at least " + MIN_SECRET_LENGTH + " characters");
        CentralConfig.require(key + ".secret-sha256", hash == null || hash.matches("[0-9a-f]{64}"),
                "must be the secret's SHA-256 as 64 lower-case hex digits");
        Set<String> venueIds = list(values.get(key + ".venues"));
        CentralConfig.require(key + ".venues", (role == Role.VENUE_MANAGER) != venueIds.isEmpty(),
                role == Role.VENUE_MANAGER ? "is required for a venue manager" : "is only for a venue manager");
        for (String venue : venueIds) {
            CentralConfig.require(key + ".venues", VenueId.isValid(venue), "has a bad venue id (1 to 64 of [a-z0-9-])");
        }
        Set<VenueId> venues = venueIds.stream().map(VenueId::of).collect(Collectors.toSet());
        return new ApiToken(name, role, hash != null ? hash : ApiToken.sha256Hex(secret), venues);
    }

    private static Set<String> list(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
