package org.culturecard.central.web.account;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.culturecard.central.config.Role;
import org.culturecard.core.ids.VenueId;

/**
 * A staff web account as stored: its password only as an Argon2id PHC string. {@code totpRequired}
 * is false only for the demo's accounts (the CLI always sets it): their sign-in skips the code.
 */
public record Account(UUID id, String username, Role role, Set<VenueId> venues, String passwordHash, String totpSecret,
        boolean totpRequired, boolean disabled) {

    /** A user name: the shape of an API token's name, so api_audit can record it. */
    public static final String USERNAME = "[a-z0-9][a-z0-9-]{0,39}";

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        venues = Set.copyOf(venues);
        if (username == null || !username.matches(USERNAME)) {
            throw new IllegalArgumentException("a user name is 1 to 40 of a-z, 0-9 and -, starting with a letter or digit");
        }
        if (role != Role.VENUE_MANAGER && !venues.isEmpty()) {
            throw new IllegalArgumentException("only a venue manager has venues");
        }
        if (role == Role.VENUE_MANAGER && venues.isEmpty()) {
            throw new IllegalArgumentException("a venue manager needs at least one venue");
        }
    }
}
