package org.culturecard.central.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.culturecard.central.config.Role;
import org.junit.jupiter.api.Test;

/** Who may open which page, role by role, and the navigation each role sees. */
class WebPageAccessTest {

    @Test
    void eachRoleOpensItsPagesOnly() {
        assertThat(PageAccess.allowed(Role.OFFICER, PageAccess.ENGAGEMENT)).isTrue();
        assertThat(PageAccess.allowed(Role.VENUE_MANAGER, PageAccess.ENGAGEMENT_CSV)).isTrue();
        assertThat(PageAccess.allowed(Role.RESEARCHER, PageAccess.COVERAGE)).isTrue();
        assertThat(PageAccess.allowed(Role.AUDITOR, PageAccess.ENGAGEMENT)).isFalse();
        assertThat(PageAccess.allowed(Role.ADMIN, PageAccess.ENGAGEMENT)).isFalse();
        assertThat(PageAccess.allowed(Role.VENUE_MANAGER, PageAccess.FLEET)).isTrue();
        assertThat(PageAccess.allowed(Role.RESEARCHER, PageAccess.FLEET)).isFalse();
        assertThat(PageAccess.allowed(Role.ADMIN, PageAccess.DEAD_LETTERS)).isTrue();
        assertThat(PageAccess.allowed(Role.OFFICER, PageAccess.DEAD_LETTERS)).isFalse();
        assertThat(PageAccess.allowed(Role.AUDITOR, PageAccess.AUDIT)).isTrue();
        assertThat(PageAccess.allowed(Role.OFFICER, PageAccess.AUDIT)).isFalse();
        assertThat(PageAccess.allowed(Role.VENUE_MANAGER, PageAccess.AUDIT)).isFalse();
        for (Role role : Role.values()) {
            assertThat(PageAccess.allowed(role, PageAccess.HOME)).isTrue();
            assertThat(PageAccess.allowed(role, "/admin/nothing")).isFalse();
        }
    }

    @Test
    void theNavigationListsOnlyAllowedPages() {
        assertThat(PageAccess.nav(Role.AUDITOR)).extracting(Map.Entry::getKey).containsExactly(PageAccess.AUDIT);
        assertThat(PageAccess.nav(Role.ADMIN)).extracting(Map.Entry::getKey)
                .containsExactly(PageAccess.FLEET, PageAccess.DEAD_LETTERS, PageAccess.AUDIT);
        assertThat(PageAccess.nav(Role.VENUE_MANAGER)).extracting(Map.Entry::getKey)
                .containsExactly(PageAccess.ENGAGEMENT, PageAccess.COVERAGE, PageAccess.FLEET);
    }
}
