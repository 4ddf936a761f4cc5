package org.culturecard.central.badges;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.culturecard.central.config.BadgeSettings;
import org.culturecard.central.config.Role;
import org.culturecard.central.json.JsonBody;
import org.culturecard.central.recognition.Recognition;

/**
 * Open Badges' routes in central's API (ADR 34), with their roles ({@link #allowed}), audit ({@link #audited})
 * and the public ones ({@link #open}) decided here for central's {@code Access}:
 * {@code GET /api/awards/credential?token=<64 hex>&achievement=<id>} (officer, admin: the signed credential;
 * 404 when not earned, 400 naming a bad parameter), {@code POST /api/awards/revoke} with
 * {@code {"token","achievement"}} (admin, audited; 404 when none was issued); public, without a token:
 * {@code GET /badges/status/1} (the signed status list credential) and, for an https issuer,
 * {@code GET /badges/issuer} (the profile) and {@code GET /badges/keys/{keyId}} (a published key). All
 * {@code application/ld+json}. Built only when {@link BadgeSettings#KEY_FILE} is set.
 */
public final class BadgeRoutes {

    static final String CREDENTIAL = "/api/awards/credential";
    static final String REVOKE = "/api/awards/revoke";
    private static final String LD_JSON = "application/ld+json";
    private static final String STATUS_LIST = "1";
    private static final Pattern PUBLIC = Pattern.compile("/badges/(status|keys)/[^/]{1,200}|/badges/issuer");

    private final IssuerSetup setup;
    private final Credentials credentials;

    private BadgeRoutes(IssuerSetup setup, Credentials credentials) {
        this.setup = setup;
        this.credentials = credentials;
    }

    /**
     * The routes over the issuer {@code settings} describe; empty (said once in the log) when no key file is set.
     *
     * @throws IllegalStateException when the key file is set but cannot be used (names the setting and file)
     */
    public static Optional<BadgeRoutes> open(BadgeSettings settings, DataSource dataSource, Recognition recognition,
            Clock clock) {
        return IssuerSetup.open(settings).map(setup -> new BadgeRoutes(setup, new Credentials(dataSource, recognition,
                setup.issuer(), setup.publicUrl(), new SecureRandom(), clock)));
    }

    /** Adds the routes to central's API. */
    public void register(RoutesConfig routes) {
        routes.get(CREDENTIAL, ctx -> {
            ctx.header("Cache-Control", "no-store");
            ctx.contentType(LD_JSON).result(credentials.issue(ctx.queryParam("token"), ctx.queryParam("achievement")));
        });
        routes.post(REVOKE, this::revoke);
        routes.get("/badges/status/{list}", ctx -> {
            if (!STATUS_LIST.equals(ctx.pathParam("list"))) {
                throw new NotFoundResponse("no such status list");
            }
            ldJson(ctx, credentials.statusListCredential());
        });
        routes.get("/badges/issuer", ctx -> ldJson(ctx, found(setup.profile())));
        routes.get("/badges/keys/{keyId}", ctx -> ldJson(ctx, found(setup.keyDocument(ctx.pathParam("keyId")))));
    }

    /** Whether {@code role} may call {@code method path}, or null when the path is not a badge route. */
    public static Boolean allowed(Role role, String method, String path) {
        return switch (path) {
            case CREDENTIAL -> ("GET".equals(method) || "HEAD".equals(method)) && (role == Role.OFFICER || role == Role.ADMIN);
            case REVOKE -> "POST".equals(method) && role == Role.ADMIN;
            default -> null;
        };
    }

    /** A revocation is written to the audit table first. */
    public static boolean audited(String method, String path) {
        return "POST".equals(method) && REVOKE.equals(path);
    }

    /** The public documents a verifier fetches: no token needed (they hold nothing personal). */
    public static boolean open(String method, String path) {
        return ("GET".equals(method) || "HEAD".equals(method)) && PUBLIC.matcher(path).matches();
    }

    private void revoke(Context ctx) {
        ObjectNode body = JsonBody.object(ctx.bodyAsBytes(), Set.of("token", "achievement"),
                name -> "unknown field; this request takes token and achievement");
        String achievement = JsonBody.text(body, "achievement");
        if (achievement == null || achievement.isEmpty()) {
            throw new IllegalArgumentException("achievement: required");
        }
        credentials.revoke(JsonBody.text(body, "token"), achievement);
        ctx.contentType("application/json").result("{\"revoked\":true}");
    }

    private static String found(Optional<String> document) {
        return document.orElseThrow(() -> new NotFoundResponse("not served by this issuer"));
    }

    /** A public document: cacheable for a few minutes. */
    private static void ldJson(Context ctx, String body) {
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.contentType(LD_JSON).result(body);
    }
}
