package org.culturecard.central.api;

import org.culturecard.central.config.ApiToken;
import org.culturecard.central.config.Role;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.culturecard.core.ids.VenueId;
import org.junit.jupiter.api.Test;

class AccessTest {

    private static ApiToken token(Role role) {
        return ApiToken.withSecret(role.code(), role, "secret-0123456789",
                role == Role.VENUE_MANAGER ? Set.of(VenueId.of("museum-x")) : Set.of());
    }

    private static Set<Role> allowed(String method, String path) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (Access.allowed(token(role), method, path)) {
                roles.add(role);
            }
        }
        return roles;
    }

    @Test
    void rawRowsAndExactCountsAreTheAuditorsAlone() {
        for (String path : new String[] {"/api/checkins", "/api/checkins/count", "/api/kiosks/k1/checkins"}) {
            assertThat(allowed("GET", path)).as(path).containsExactly(Role.AUDITOR);
            assertThat(allowed("DELETE", path)).as(path).isEmpty();
            assertThat(Access.audited("GET", path)).isTrue();
        }
    }

    @Test
    void aggregatesAreForOfficersManagersAndResearchers() {
        assertThat(allowed("GET", "/api/reports/engagement"))
                .containsExactlyInAnyOrder(Role.OFFICER, Role.VENUE_MANAGER, Role.RESEARCHER);
        assertThat(allowed("GET", "/api/reports/coverage"))
                .containsExactlyInAnyOrder(Role.OFFICER, Role.VENUE_MANAGER, Role.RESEARCHER);
        assertThat(allowed("POST", "/api/reports/coverage")).isEmpty();
        assertThat(allowed("POST", "/api/reports/linked")).containsExactly(Role.RESEARCHER);
        assertThat(allowed("GET", "/api/reports/linked")).isEmpty();
    }

    @Test
    void aVenueManagerReadsOnlyItsOwnVenuesEvents() {
        assertThat(allowed("GET", "/api/venues/museum-x/events")).contains(Role.VENUE_MANAGER);
        assertThat(allowed("GET", "/api/venues/gallery-y/events")).doesNotContain(Role.VENUE_MANAGER);
        assertThat(allowed("GET", "/api/venues/Not%20A%20Venue/events")).doesNotContain(Role.VENUE_MANAGER);
        assertThat(allowed("POST", "/api/venues/museum-x/events")).containsExactly(Role.ADMIN);
    }

    @Test
    void kiosksStaffAndDeadLettersAreTheAdmins() {
        assertThat(allowed("PUT", "/api/kiosks/k1")).containsExactly(Role.ADMIN);
        assertThat(Access.audited("PUT", "/api/kiosks/k1")).isTrue();
        assertThat(allowed("GET", "/api/kiosks")).containsExactlyInAnyOrder(Role.ADMIN, Role.OFFICER);
        assertThat(allowed("GET", "/api/dead-letters")).containsExactly(Role.ADMIN);
        assertThat(allowed("GET", "/api/venues/museum-x/staff")).containsExactly(Role.ADMIN);
        assertThat(allowed("GET", "/api/anything-else")).containsExactly(Role.ADMIN);
        assertThat(Access.audited("GET", "/api/kiosks")).isFalse();
    }

    @Test
    void aVenuesUnregisteredCardsSettingIsTheAdminsAndEachChangeIsAudited() {
        String path = "/api/venues/museum-x/unregistered-cards";
        assertThat(allowed("PUT", path)).containsExactly(Role.ADMIN);
        assertThat(allowed("GET", path)).containsExactly(Role.ADMIN);
        assertThat(Access.audited("PUT", path)).isTrue();
        assertThat(Access.audited("GET", path)).isFalse();
        assertThat(Access.audited("PUT", path + "/x")).isFalse();
    }

    @Test
    void aTokenMatchesOnlyItsOwnSecret() {
        ApiToken token = token(Role.OFFICER);
        assertThat(token.matches(ApiToken.sha256("secret-0123456789"))).isTrue();
        assertThat(token.matches(ApiToken.sha256("secret-012345678"))).isFalse();
        assertThat(token.toString()).doesNotContain(token.secretSha256());
    }
}
