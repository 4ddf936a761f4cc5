package org.culturecard.central.api;

import org.culturecard.central.badges.BadgeRoutes;
import org.culturecard.central.config.ApiToken;
import org.culturecard.central.config.Role;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.culturecard.central.identity.UnregisteredCardsApi;
import org.culturecard.central.recognition.RecognitionApi;
import org.culturecard.central.staff.StaffApi;
import org.culturecard.core.ids.VenueId;

/**
 * Which role may call which route (ADR 0010): a pure decision on the request's real method (never
 * an override header) and path. Anything not listed is the admin's alone.
 */
final class Access {

    private static final Pattern RAW = Pattern.compile("/api/checkins(/count)?|/api/kiosks/[^/]+/checkins");
    private static final Pattern KIOSK = Pattern.compile("/api/kiosks/[^/]+");
    private static final Pattern VENUE_EVENTS = Pattern.compile("/api/venues/([^/]+)/events(/.*)?");
    private static final Set<Role> OPERATIONS = EnumSet.of(Role.ADMIN, Role.OFFICER);
    private static final Set<Role> AGGREGATES = EnumSet.of(Role.OFFICER, Role.VENUE_MANAGER, Role.RESEARCHER);

    private Access() {
    }

    /** Raw check-in rows or exact counts: the auditor's routes, every call audited. */
    static boolean raw(String path) {
        return RAW.matcher(path).matches();
    }

    /** Raw reads and kiosk registry changes: written to the audit table before they are served. */
    static boolean audited(String method, String path) {
        return raw(path) || "PUT".equals(method) && KIOSK.matcher(path).matches()
                || UnregisteredCardsApi.audited(method, path) || RecognitionApi.audited(method, path)
                || BadgeRoutes.audited(method, path);
    }

    /** True when {@code token} may call {@code method path}. */
    static boolean allowed(ApiToken token, String method, String path) {
        boolean reading = "GET".equals(method) || "HEAD".equals(method);
        Role role = token.role();
        if (raw(path)) {
            return reading && role == Role.AUDITOR;
        }
        Boolean badges = BadgeRoutes.allowed(role, method, path);
        if (badges != null) {
            return badges;
        }
        Boolean recognition = RecognitionApi.allowed(role, method, path);
        if (recognition != null) {
            return recognition;
        }
        if (StaffApi.adminOnly(path)) {
            return role == Role.ADMIN;
        }
        if ("/api/reports/engagement".equals(path) || "/api/reports/coverage".equals(path)) {
            return reading && AGGREGATES.contains(role);
        }
        if ("/api/reports/linked".equals(path)) {
            return "POST".equals(method) && role == Role.RESEARCHER;
        }
        if ("/api/kiosks".equals(path) || "/metrics".equals(path)) {
            return reading && OPERATIONS.contains(role);
        }
        Matcher events = VENUE_EVENTS.matcher(path);
        if (reading && events.matches()) {
            return OPERATIONS.contains(role) || role == Role.VENUE_MANAGER && VenueId.isValid(events.group(1))
                    && token.sees(VenueId.of(events.group(1)));
        }
        return role == Role.ADMIN;
    }
}
