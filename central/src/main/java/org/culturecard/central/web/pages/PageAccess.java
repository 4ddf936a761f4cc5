package org.culturecard.central.web.pages;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.culturecard.central.config.Role;

/**
 * Which role may open which page (DESIGN.md's roles, as the API's ADR 0010 has them): a pure
 * decision on the path. Reports and coverage for the officer, the venue manager (its own venues:
 * the pages narrow the figures) and the researcher; the fleet for the officer, the admin and the
 * venue manager (its own kiosks); dead letters for the admin; the audit log for the admin and the
 * auditor. A path not listed here is nobody's.
 */
public final class PageAccess {

    public static final String HOME = "/admin";
    public static final String ENGAGEMENT = "/admin/reports/engagement";
    public static final String ENGAGEMENT_CSV = "/admin/reports/engagement.csv";
    public static final String COVERAGE = "/admin/reports/coverage";
    public static final String COVERAGE_CSV = "/admin/reports/coverage.csv";
    public static final String FLEET = "/admin/fleet";
    public static final String DEAD_LETTERS = "/admin/dead-letters";
    public static final String AUDIT = "/admin/audit";
    public static final String SIGN_OUT = "/admin/sign-out";

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> AGGREGATES = EnumSet.of(Role.OFFICER, Role.VENUE_MANAGER, Role.RESEARCHER);
    private static final Map<String, Set<Role>> PAGES = Map.of(
            HOME, EVERYONE, SIGN_OUT, EVERYONE,
            ENGAGEMENT, AGGREGATES, ENGAGEMENT_CSV, AGGREGATES, COVERAGE, AGGREGATES, COVERAGE_CSV, AGGREGATES,
            FLEET, EnumSet.of(Role.OFFICER, Role.ADMIN, Role.VENUE_MANAGER),
            DEAD_LETTERS, EnumSet.of(Role.ADMIN),
            AUDIT, EnumSet.of(Role.ADMIN, Role.AUDITOR));
    /** The navigation, in order: each page with its text key. */
    private static final List<Map.Entry<String, String>> NAV = List.of(Map.entry(ENGAGEMENT, "nav.engagement"),
            Map.entry(COVERAGE, "nav.coverage"), Map.entry(FLEET, "nav.fleet"), Map.entry(DEAD_LETTERS, "nav.deadLetters"),
            Map.entry(AUDIT, "nav.audit"));

    private PageAccess() {
    }

    /** True when {@code role} may open {@code path}; a path that is no page is nobody's. */
    public static boolean allowed(Role role, String path) {
        return Optional.ofNullable(PAGES.get(path)).map(roles -> roles.contains(role)).orElse(false);
    }

    /** True for the paths of pages (whoever may open them). */
    public static boolean known(String path) {
        return PAGES.containsKey(path);
    }

    /** The navigation {@code role} sees: (path, text key) in order. */
    public static List<Map.Entry<String, String>> nav(Role role) {
        return NAV.stream().filter(e -> allowed(role, e.getKey())).toList();
    }
}
