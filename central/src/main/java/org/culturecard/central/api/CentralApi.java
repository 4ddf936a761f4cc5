package org.culturecard.central.api;

import org.culturecard.central.config.ApiToken;
import org.culturecard.central.config.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.culturecard.central.badges.BadgeRoutes;
import org.culturecard.central.config.CentralConfig;
import java.util.UUID;
import java.util.function.Supplier;
import org.culturecard.central.fleet.VenueConfigPublisher;
import org.culturecard.central.identity.UnregisteredCardsApi;
import org.culturecard.central.identity.UnregisteredCardsSetting;
import org.culturecard.central.report.CoverageReport;
import org.culturecard.central.report.EngagementReport;
import org.culturecard.central.report.LinkageFile;
import org.culturecard.central.report.ReportFormats;
import org.culturecard.central.report.ReportQueries;
import org.culturecard.central.report.ReportSpec;
import org.culturecard.central.recognition.Recognition;
import org.culturecard.central.recognition.RecognitionApi;
import org.culturecard.central.staff.StaffApi;
import org.culturecard.central.staff.StaffRecords;
import org.culturecard.central.store.CheckInQueries;
import org.culturecard.central.store.PostgresFleetStore;
import org.culturecard.central.web.Web;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.ids.KioskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Central's HTTP API on Javalin 7. {@code GET /health} is open; everything else needs a bearer
 * token from the config ({@link ApiToken}), and its role must be allowed the route
 * ({@link Access}, ADR 0010): a missing or unknown token gets 401, a role not allowed 403. A
 * request with a method-override header is refused with 400 before anything else (ADR 0016).
 *
 * <p>Routes: {@code GET /health}; the auditor's raw reads, each written to {@code api_audit} first:
 * {@code GET /api/checkins?limit=N} (newest first, 1..1000, default 100), {@code GET /api/checkins/count},
 * {@code GET /api/kiosks/{kioskId}/checkins?limit=N}; {@code GET /api/kiosks} (officer, admin);
 * {@code PUT /api/kiosks/{kioskId}} (admin, audited: {@link KioskAdmin}); {@code GET /api/dead-letters?limit=N} (admin);
 * {@code GET /api/reports/engagement?by=venue&period=week|month&from=yyyy-mm-dd&to=yyyy-mm-dd&format=json|csv}
 * ({@code by}: the code of a {@link org.culturecard.central.report.Dimension} of central's own data; officer,
 * researcher, and a venue manager on its own venues' check-ins);
 * {@code GET /api/reports/coverage?from=yyyy-mm-dd&to=yyyy-mm-dd&format=json|csv} (enrolment coverage by venue:
 * people seen, registered, unverified; the same roles);
 * {@code POST /api/reports/linked?by=imd-decile&...} (a linked dimension) with the council's linkage CSV as the
 * body (researcher; the file is used for that one report and not kept);
 * {@code GET /api/venues/{venue}/events} (officer, admin, the venue's manager), {@code POST /api/venues/{venue}/events}
 * (an event as in VenueConfig; {@code id} and {@code venueId} may be left out), {@code PUT /api/venues/{venue}/events/{id}},
 * {@code POST /api/venues/{venue}/events/{id}/close} or {@code DELETE} the same (admin; each change re-publishes the
 * venue's retained config snapshot); and {@code GET /metrics} (Prometheus text; officer, admin).
 * The venue staff routes, admin only for reading too, are {@link StaffApi}'s; a venue's unregistered-cards
 * setting (admin), {@link UnregisteredCardsApi}'s; achievements, goals and the awards report are
 * {@link RecognitionApi}'s; Open Badges' credentials and public documents, {@link BadgeRoutes}'s; the staff
 * web's ({@code /admin}, sessions instead of tokens) are {@link Web}'s.
 * (Over 300 lines: the route
 * table and each route's role check stay in one file for security review; the work is in the classes it calls.)
 */
public final class CentralApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralApi.class);
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final String JSON = "application/json";

    private static final String TOKEN = "culturecard.token";
    private static final Set<String> OVERRIDES = Set.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    private final Javalin app;
    private final CentralConfig.ApiTokens tokens;
    private final ApiAudit audit;
    private final ObjectMapper mapper;

    /** Registers a kiosk or moves it to another venue, as provisioning's registry does, and makes ingest see it at once. */
    @FunctionalInterface
    public interface KioskRegistrar {
        void register(KioskId kiosk, VenueId venue, String certFingerprint);
    }

    /** What the API reads and changes. */
    public record Backends(CheckInQueries queries, ReportQueries reports, PostgresFleetStore fleet,
            VenueConfigPublisher configs, Supplier<String> metrics, Supplier<UUID> ids, StaffRecords staff,
            KioskRegistrar registrar, ApiAudit audit, UnregisteredCardsSetting unregisteredCards, Web web,
            Recognition recognition, Optional<BadgeRoutes> badges) {
    }

    private CentralApi(CentralConfig.ApiTokens tokens, Backends backends, String host, int port, CentralConfig.HttpTls tls) {
        CheckInQueries queries = backends.queries();
        ReportQueries reports = backends.reports();
        VenueEvents venues = new VenueEvents(backends.fleet(), backends.configs(), backends.ids());
        KioskAdmin kiosks = new KioskAdmin(queries, backends.registrar());
        this.tokens = tokens;
        this.audit = backends.audit();
        this.mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            if (tls.enabled()) {
                config.jetty.addConnector((server, http) -> HttpsConnector.create(server, http, host, port, tls));
            } else {
                config.jetty.host = host;
                config.jetty.port = port;
            }
            config.routes.before(CentralApi::refuseMethodOverride);
            config.routes.before(this::authorise);
            config.routes.get("/health", ctx -> json(ctx, Map.of("status", "ok")));
            config.routes.get("/api/checkins", ctx -> json(ctx, queries.recentCheckIns(limit(ctx))));
            config.routes.get("/api/checkins/count", ctx -> json(ctx, Map.of("count", queries.countCheckIns())));
            config.routes.get("/api/kiosks", ctx -> json(ctx, queries.kiosks()));
            config.routes.put("/api/kiosks/{kioskId}", ctx -> json(ctx, kiosks.register(kioskId(ctx), ctx.bodyAsBytes())));
            config.routes.get("/api/kiosks/{kioskId}/checkins", ctx -> json(ctx,
                    queries.checkInsByKiosk(kioskId(ctx), limit(ctx))));
            config.routes.get("/api/dead-letters", ctx -> json(ctx, queries.recentDeadLetters(limit(ctx))));
            config.routes.get("/api/reports/engagement", ctx -> report(ctx, reports.report(spec(ctx), scope(ctx))));
            config.routes.get("/api/reports/coverage", ctx -> coverage(ctx, reports.coverage(day(ctx, "from"), day(ctx, "to"),
                    scope(ctx))));
            config.routes.post("/api/reports/linked", ctx -> report(ctx, reports.linkedReport(spec(ctx),
                    LinkageFile.parse(new StringReader(ctx.body())))));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(backends.metrics().get()));
            config.routes.get("/api/venues/{venue}/events", ctx -> json(ctx, venues.list(venue(ctx))));
            config.routes.post("/api/venues/{venue}/events", ctx -> {
                ctx.status(201);
                json(ctx, venues.create(venue(ctx), ctx.bodyAsBytes()));
            });
            config.routes.put("/api/venues/{venue}/events/{eventId}", ctx -> json(ctx,
                    venues.update(venue(ctx), eventId(ctx), ctx.bodyAsBytes())));
            config.routes.post("/api/venues/{venue}/events/{eventId}/close", ctx -> json(ctx,
                    venues.close(venue(ctx), eventId(ctx))));
            config.routes.delete("/api/venues/{venue}/events/{eventId}", ctx -> json(ctx,
                    venues.close(venue(ctx), eventId(ctx))));
            StaffApi.register(config.routes, backends.staff());
            UnregisteredCardsApi.register(config.routes, backends.unregisteredCards());
            RecognitionApi.register(config.routes, backends.recognition());
            backends.badges().ifPresent(badges -> badges.register(config.routes));
            backends.web().register(config);
            config.routes.exception(VenueEvents.NotFound.class, (e, ctx) -> {
                ctx.status(404);
                json(ctx, Map.of("error", e.getMessage()));
            });
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> {
                ctx.status(400);
                json(ctx, Map.of("error", e.getMessage()));
            });
        });
    }

    /** Starts the API on {@code host:port} (0 = a free port), over HTTPS when {@code tls} is enabled. */
    public static CentralApi start(String host, int port, CentralConfig.HttpTls tls, CentralConfig.ApiTokens tokens,
            Backends backends) {
        CentralApi api = new CentralApi(tokens, backends, host, port, tls);
        api.app.start();
        LOG.info("central API on {}://{}:{}/", tls.enabled() ? "https" : "http", host, api.app.port());
        return api;
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /**
     * A GET stays a GET: Javalin would route a request by its {@code X-HTTP-Method-Override}
     * header, so a request carrying one (or a look-alike) is refused before routing (ADR 0016).
     */
    private static void refuseMethodOverride(Context ctx) {
        for (String header : OVERRIDES) {
            if (ctx.req().getHeader(header) != null) {
                throw new BadRequestResponse(header + " is not accepted: send the real method");
            }
        }
    }

    private void authorise(Context ctx) {
        if ("/health".equals(ctx.path()) || Web.serves(ctx.path()) || BadgeRoutes.open(ctx.req().getMethod(), ctx.path())) {
            return;
        }
        Optional<ApiToken> token = bearer(ctx).flatMap(this::tokenOf);
        if (token.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new UnauthorizedResponse();
        }
        String method = ctx.req().getMethod();
        if (!Access.allowed(token.get(), method, ctx.path())) {
            throw new ForbiddenResponse();
        }
        ctx.attribute(TOKEN, token.get());
        if (Access.audited(method, ctx.path())) {
            String query = ctx.queryString();
            audit.record(token.get().name(), token.get().role(), method, ctx.path(), query == null ? "" : query);
        }
    }

    private static Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    /**
     * The token whose secret was presented: its SHA-256 is compared in constant time with every
     * configured token's, with no early exit, so timing reveals neither a prefix nor which matched.
     */
    private Optional<ApiToken> tokenOf(String presented) {
        byte[] given = ApiToken.sha256(presented);
        ApiToken found = null;
        for (ApiToken token : tokens.tokens()) {
            if (token.matches(given) && found == null) {
                found = token;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The venues a venue manager's report covers; null (every venue) for the other roles. */
    private static Set<String> scope(Context ctx) {
        ApiToken token = ctx.attribute(TOKEN);
        if (token == null || token.role() != Role.VENUE_MANAGER) {
            return null;
        }
        return token.venues().stream().map(VenueId::value).collect(Collectors.toSet());
    }

    private static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("limit must be a whole number", e);
        }
    }

    private static KioskId kioskId(Context ctx) {
        String value = ctx.pathParam("kioskId");
        if (!KioskId.isValid(value)) {
            throw new IllegalArgumentException("kioskId in the path is not a kiosk id (1 to 64 of [a-z0-9-])");
        }
        return KioskId.of(value);
    }

    private static VenueId venue(Context ctx) {
        String value = ctx.pathParam("venue");
        if (!VenueId.isValid(value)) {
            throw new IllegalArgumentException("not a venue id");
        }
        return VenueId.of(value);
    }

    private static UUID eventId(Context ctx) {
        try {
            return UUID.fromString(ctx.pathParam("eventId"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an event id", e);
        }
    }

    private static ReportSpec spec(Context ctx) {
        return ReportSpec.parse(ctx.queryParam("by"), ctx.queryParam("period"), ctx.queryParam("from"), ctx.queryParam("to"),
                ctx.queryParam("unverified"));
    }

    private static void report(Context ctx, EngagementReport report) {
        formatted(ctx, () -> ReportFormats.json(report), () -> ReportFormats.csv(report));
    }

    private static void coverage(Context ctx, CoverageReport report) {
        formatted(ctx, () -> ReportFormats.json(report), () -> ReportFormats.csv(report));
    }

    /** JSON by default; CSV with {@code ?format=csv}. */
    private static void formatted(Context ctx, Supplier<String> json, Supplier<String> csv) {
        String format = ctx.queryParam("format");
        if (format == null || "json".equals(format)) {
            ctx.contentType(JSON).result(json.get());
        } else if ("csv".equals(format)) {
            ctx.contentType("text/csv; charset=utf-8").result(csv.get());
        } else {
            throw new IllegalArgumentException("format is json or csv");
        }
    }

    private static LocalDate day(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required (yyyy-mm-dd)");
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is a day, yyyy-mm-dd", e);
        }
    }

    private void json(Context ctx, Object body) {
        try {
            ctx.contentType(JSON).result(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

}
