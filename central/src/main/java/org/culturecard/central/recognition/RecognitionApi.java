package org.culturecard.central.recognition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.culturecard.central.config.Role;
import org.culturecard.central.json.JsonBody;
import org.culturecard.central.report.AwardsQueries;
import org.culturecard.central.report.AwardsReport;
import org.culturecard.core.rules.Achievement;
import org.culturecard.core.rules.Catalogue;
import org.culturecard.core.rules.CatalogueException;

/**
 * Recognition's routes in central's API, registered by {@link #register}, with their roles
 * ({@link #allowed}) and audit ({@link #audited}) decided here for central's {@code Access}:
 * {@code GET /api/achievements} (admin: the definitions document in force), {@code PUT /api/achievements}
 * (admin, audited: a whole new document; 400 with {@code errors}, each naming its field, and nothing
 * changes), {@code POST /api/recognition/goal} with {@code {"token": 64 hex, "pathway": id}} (admin and
 * officer, audited: the person's progress along it; 404 when no person has the token), and
 * {@code GET /api/reports/awards?by=achievement|venue&period=week|month&from=&to=&format=json|csv}
 * (officer and researcher; suppressed).
 */
public final class RecognitionApi {

    static final String ACHIEVEMENTS = "/api/achievements";
    static final String GOAL = "/api/recognition/goal";
    static final String AWARDS = "/api/reports/awards";
    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Recognition recognition;
    private final AwardsQueries awards;

    private RecognitionApi(Recognition recognition, AwardsQueries awards) {
        this.recognition = recognition;
        this.awards = awards;
    }

    /** Adds the routes and their error answers to central's API. */
    public static void register(RoutesConfig routes, Recognition recognition) {
        RecognitionApi api = new RecognitionApi(recognition, new AwardsQueries(recognition.dataSource()));
        routes.get(ACHIEVEMENTS, ctx -> ctx.contentType(JSON).result(recognition.book().document()));
        routes.put(ACHIEVEMENTS, api::replace);
        routes.post(GOAL, api::goal);
        routes.get(AWARDS, api::awards);
        routes.exception(CatalogueException.class, (e, ctx) -> {
            ctx.status(400);
            json(ctx, Map.of("errors", e.errors()));
        });
        routes.exception(NoSuchElementException.class, (e, ctx) -> {
            ctx.status(404);
            json(ctx, Map.of("error", e.getMessage()));
        });
    }

    /** Whether {@code role} may call {@code method path}, or null when the path is not recognition's. */
    public static Boolean allowed(Role role, String method, String path) {
        boolean reading = "GET".equals(method) || "HEAD".equals(method);
        return switch (path) {
            case ACHIEVEMENTS -> role == Role.ADMIN;
            case GOAL -> "POST".equals(method) && (role == Role.ADMIN || role == Role.OFFICER);
            case AWARDS -> reading && (role == Role.OFFICER || role == Role.RESEARCHER);
            default -> null;
        };
    }

    /** Changes to the definitions and goals are written to the audit table first. */
    public static boolean audited(String method, String path) {
        return "PUT".equals(method) && ACHIEVEMENTS.equals(path) || "POST".equals(method) && GOAL.equals(path);
    }

    private void replace(Context ctx) {
        Catalogue catalogue = recognition.book().replace(ctx.bodyAsBytes());
        json(ctx, Map.of("achievements", catalogue.achievements().size(), "pathways", catalogue.pathways().size()));
    }

    private void goal(Context ctx) {
        ObjectNode body = JsonBody.object(ctx.bodyAsBytes(), Set.of("token", "pathway"),
                name -> "unknown field; this request takes token and pathway");
        json(ctx, recognition.setGoal(JsonBody.text(body, "token"), JsonBody.text(body, "pathway")));
    }

    private void awards(Context ctx) {
        AwardsReport report = awards.report(ctx.queryParam("by") == null ? "achievement" : ctx.queryParam("by"),
                ctx.queryParam("period"), ctx.queryParam("from"), ctx.queryParam("to"),
                recognition.book().catalogue().achievements().stream().map(Achievement::id).toList());
        String format = ctx.queryParam("format");
        if (format == null || "json".equals(format)) {
            ctx.contentType(JSON).result(report.json());
        } else if ("csv".equals(format)) {
            ctx.contentType("text/csv; charset=utf-8").result(report.csv());
        } else {
            throw new IllegalArgumentException("format is json or csv");
        }
    }

    private static void json(Context ctx, Object body) {
        try {
            ctx.contentType(JSON).result(MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
