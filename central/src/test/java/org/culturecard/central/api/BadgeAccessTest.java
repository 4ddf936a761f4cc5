package org.culturecard.central.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.culturecard.central.badges.BadgeRoutes;
import org.culturecard.central.config.ApiToken;
import org.culturecard.central.config.Role;
import org.culturecard.core.ids.VenueId;
import org.junit.jupiter.api.Test;

/** Who may fetch and revoke Open Badges credentials, what is audited, and which documents are public. */
class BadgeAccessTest {

    private static Set<Role> allowed(String method, String path) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            ApiToken token = ApiToken.withSecret(role.code(), role, "secret-0123456789",
                    role == Role.VENUE_MANAGER ? Set.of(VenueId.of("museum-x")) : Set.of());
            if (Access.allowed(token, method, path)) {
                roles.add(role);
            }
        }
        return roles;
    }

    @Test
    void officersAndAdminsFetchACredentialOnlyAdminsRevoke() {
        assertThat(allowed("GET", "/api/awards/credential")).containsExactlyInAnyOrder(Role.OFFICER, Role.ADMIN);
        assertThat(allowed("POST", "/api/awards/credential")).isEmpty();
        assertThat(allowed("POST", "/api/awards/revoke")).containsExactly(Role.ADMIN);
        assertThat(allowed("GET", "/api/awards/revoke")).isEmpty();
        assertThat(Access.audited("POST", "/api/awards/revoke")).isTrue();
        assertThat(Access.audited("GET", "/api/awards/credential")).isFalse();
    }

    @Test
    void onlyTheVerifiersDocumentsArePublic() {
        assertThat(BadgeRoutes.open("GET", "/badges/status/1")).isTrue();
        assertThat(BadgeRoutes.open("GET", "/badges/issuer")).isTrue();
        assertThat(BadgeRoutes.open("GET", "/badges/keys/key-1")).isTrue();
        assertThat(BadgeRoutes.open("POST", "/badges/status/1")).isFalse();
        assertThat(BadgeRoutes.open("GET", "/badges/status/1/x")).isFalse();
        assertThat(BadgeRoutes.open("GET", "/badges/issuer/../../api/checkins")).isFalse();
        assertThat(BadgeRoutes.open("GET", "/api/awards/credential")).isFalse();
        assertThat(BadgeRoutes.open("GET", "/badgesx/issuer")).isFalse();
    }
}
