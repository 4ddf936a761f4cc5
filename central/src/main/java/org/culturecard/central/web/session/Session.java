package org.culturecard.central.web.session;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.culturecard.central.config.Role;
import org.culturecard.core.ids.VenueId;

/**
 * One browser's session: its CSRF token, and once signed in, who (the account's user name, role and
 * venues). The id is the cookie's value and is never logged.
 */
public record Session(String id, String csrf, Optional<Staff> staff, Instant lastSeen) {

    /** The signed-in account, as the pages need it. */
    public record Staff(String username, Role role, Set<VenueId> venues) {
        public Staff {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(role, "role");
            venues = Set.copyOf(venues);
        }

        /** True when this member of staff may see {@code venue}'s figures: every venue but for a venue manager. */
        public boolean sees(String venue) {
            return role != Role.VENUE_MANAGER || venues.stream().anyMatch(v -> v.value().equals(venue));
        }

        /** The venues a venue manager's pages cover; null (every venue) for the other roles. */
        public Set<String> scope() {
            return role == Role.VENUE_MANAGER ? venues.stream().map(VenueId::value).collect(java.util.stream.Collectors.toSet())
                    : null;
        }
    }

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(csrf, "csrf");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
