package org.culturecard.central.api;

import org.culturecard.central.config.ApiToken;
import org.culturecard.central.config.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP API's roles, audit and reads, on a central fed through the real broker and database. */
class CentralApiIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final String READ = "read-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final String AUDITOR = "auditor-token-0123456789";
    private static final String RESEARCHER = "researcher-token-0123456789";
    private static final String MANAGER = "manager-token-0123456789";
    private static final String OTHER_MANAGER = "other-manager-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Central central;
    private static CheckInBatch batch;

    @BeforeAll
    static void startCentralWithOneBatch() throws Exception {
        String url = DB.server().createDatabase("central_api");
        CentralConfig config = new CentralConfig(url, DB.server().user(), "", BROKER.server().uri(), "api-it", 1,
                "127.0.0.1", 0, tokens());
        central = Central.start(config, TestBatches.CLOCK);
        TestBatches.register(central.store(), "v1", "k1");
        batch = new TestBatches(42).batch("v1", "k1", 2);
        try (KioskSimulator kiosk = new KioskSimulator(BROKER.server().uri(), "api-kiosk")) {
            kiosk.publish(batch);
            await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.firstAck(batch.batchId()).isPresent());
        }
    }

    /** The legacy read (officer) and admin tokens, and one named token of every other role. */
    private static CentralConfig.ApiTokens tokens() {
        List<ApiToken> tokens = new ArrayList<>(new CentralConfig.ApiTokens(Set.of(READ), Set.of(ADMIN)).tokens());
        tokens.add(ApiToken.withSecret("audit-desk", Role.AUDITOR, AUDITOR, Set.of()));
        tokens.add(ApiToken.withSecret("uni-study", Role.RESEARCHER, RESEARCHER, Set.of()));
        tokens.add(ApiToken.withSecret("v1-manager", Role.VENUE_MANAGER, MANAGER, Set.of(VenueId.of("v1"))));
        tokens.add(ApiToken.withSecret("v2-manager", Role.VENUE_MANAGER, OTHER_MANAGER, Set.of(VenueId.of("v2"))));
        return new CentralConfig.ApiTokens(tokens);
    }

    @AfterAll
    static void stopCentral() {
        if (central != null) {
            central.close();
        }
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        HttpResponse<String> response = get("/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"ok\"");
    }

    @Test
    void refusesRequestsWithoutOrWithAWrongToken() throws Exception {
        assertThat(get("/api/checkins", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/checkins", "not-a-configured-token").statusCode()).isEqualTo(401);
        assertThat(get("/api/kiosks", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/nothing-here", null).statusCode()).isEqualTo(401);
    }

    @Test
    void theAuditorListsRecentCheckInsWithTheirTokensAndTheReadIsAudited() throws Exception {
        HttpResponse<String> response = get("/api/checkins?limit=10", AUDITOR);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).contains(batch.records().get(0).id().toString(),
                batch.records().get(0).token().value(), "\"kioskId\":\"k1\"", "\"venueId\":\"v1\"", "\"receivedAt\":\"2026-03-02T10:00:00Z\"");
        assertThat(auditRows("/api/checkins")).contains("audit-desk|auditor|GET|/api/checkins|limit=10");
    }

    @Test
    void theAuditorSeesTheExactCountAndAKiosksRows() throws Exception {
        assertThat(get("/api/checkins/count", AUDITOR).body()).isEqualTo("{\"count\":2}");
        assertThat(get("/api/kiosks/k1/checkins?limit=5", AUDITOR).body()).contains(batch.records().get(1).id().toString());
        assertThat(auditRows("/api/checkins/count")).contains("audit-desk|auditor|GET|/api/checkins/count|");
        assertThat(auditRows("/api/kiosks/k1/checkins")).contains("audit-desk|auditor|GET|/api/kiosks/k1/checkins|limit=5");
    }

    @Test
    void rawRowsAndExactCountsAreForTheAuditorAlone() throws Exception {
        for (String route : List.of("/api/checkins", "/api/checkins/count", "/api/kiosks/k1/checkins")) {
            for (String token : List.of(READ, ADMIN, RESEARCHER, MANAGER)) {
                assertThat(get(route, token).statusCode()).as(route).isEqualTo(403);
            }
        }
        assertThat(auditRows("/api/checkins")).allMatch(row -> row.startsWith("audit-desk|"));
    }

    @Test
    void theAuditTableNeverHoldsASecret() throws Exception {
        get("/api/checkins/count", AUDITOR);
        assertThat(auditRows("/")).isNotEmpty().noneMatch(row -> row.contains(AUDITOR) || row.contains("token-0123456789"));
    }

    @Test
    void readTokenMayNotChangeAnything() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(central.httpUrl() + "/api/checkins"))
                .header("Authorization", "Bearer " + READ).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(HTTP.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void rejectsABadLimit() throws Exception {
        assertThat(get("/api/checkins?limit=0", AUDITOR).statusCode()).isEqualTo(400);
        assertThat(get("/api/checkins?limit=abc", AUDITOR).statusCode()).isEqualTo(400);
        assertThat(get("/api/checkins?limit=-5", AUDITOR).statusCode()).isEqualTo(400);
        assertThat(get("/api/checkins?limit=99999999999999999999", AUDITOR).statusCode()).isEqualTo(400);
    }

    /** Each read route and the roles it serves; every other role gets 403. */
    private static final Map<String, List<String>> READ_ROUTES = Map.of(
            "/api/checkins", List.of(AUDITOR),
            "/api/checkins/count", List.of(AUDITOR),
            "/api/kiosks/k1/checkins", List.of(AUDITOR),
            "/api/kiosks", List.of(READ, ADMIN),
            "/metrics", List.of(READ, ADMIN),
            "/api/dead-letters", List.of(ADMIN),
            "/api/venues/v1/events", List.of(READ, ADMIN, MANAGER),
            "/api/reports/engagement?by=venue&period=month&from=2026-01-01&to=2026-04-01", List.of(READ, RESEARCHER, MANAGER),
            "/api/reports/engagement?by=sector&period=week&from=2026-02-23&to=2026-03-09&format=csv",
                    List.of(READ, RESEARCHER, MANAGER, OTHER_MANAGER));

    @Test
    void everyReadRouteNeedsATokenAndServesItsRolesOnly() throws Exception {
        List<String> everyone = List.of(READ, ADMIN, AUDITOR, RESEARCHER, MANAGER, OTHER_MANAGER);
        for (Map.Entry<String, List<String>> route : READ_ROUTES.entrySet()) {
            String path = route.getKey();
            assertThat(get(path, null).statusCode()).as("no token: " + path).isEqualTo(401);
            assertThat(get(path, "wrong-token-0123456789").statusCode()).as("unknown token: " + path).isEqualTo(401);
            for (String token : everyone) {
                int expected = route.getValue().contains(token) || path.startsWith("/api/reports") && token.equals(OTHER_MANAGER)
                        ? 200 : 403;
                assertThat(get(path, token).statusCode()).as(token + " on " + path).isEqualTo(expected);
            }
        }
    }

    @Test
    void aVenueManagerSeesItsOwnVenuesOnly() throws Exception {
        String report = "/api/reports/engagement?by=venue&period=month&from=2026-03-01&to=2026-04-01";
        assertThat(get(report, MANAGER).body()).contains("\"group\":\"v1\"");
        assertThat(get(report, OTHER_MANAGER).body()).doesNotContain("\"group\":\"v1\"");
        assertThat(get("/api/venues/v1/events", OTHER_MANAGER).statusCode()).isEqualTo(403);
    }

    @Test
    void aGetWithAMethodOverrideIsRefusedAndClosesNothing() throws Exception {
        String event = "{\"title\":\"Late opening\",\"category\":{\"sector\":\"heritage\",\"activity\":null,\"mode\":\"attend\"},"
                + "\"ageBand\":\"all\",\"learningLayer\":null,\"startsAt\":\"2026-03-07T10:00:00Z\",\"endsAt\":\"2026-03-07T16:00:00Z\","
                + "\"capacity\":null}";
        HttpResponse<String> created = send("POST", "/api/venues/v1/events", ADMIN, event);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"event\":\"([0-9a-f-]+)\".*", "$1");
        String path = "/api/venues/v1/events/" + id;
        HttpRequest overridden = HttpRequest.newBuilder(URI.create(central.httpUrl() + path))
                .header("Authorization", "Bearer " + ADMIN).header("X-HTTP-Method-Override", "DELETE").GET().build();
        assertThat(HTTP.send(overridden, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        assertThat(get(path + "?_method=DELETE", ADMIN).statusCode()).as("no GET route on one event").isEqualTo(404);
        assertThat(get("/api/venues/v1/events", ADMIN).body()).contains(id).doesNotContain("\"closed\":true");
    }

    @Test
    void theAdminRegistersAndMovesAKioskAndTheChangeIsAudited() throws Exception {
        String fingerprint = "AB".repeat(32);
        HttpResponse<String> put = send("PUT", "/api/kiosks/k9", ADMIN,
                "{\"venueId\":\"v2\",\"certFingerprint\":\"" + fingerprint + "\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"kioskId\":\"k9\"", "\"venueId\":\"v2\"", "\"certFingerprint\":\"" + "ab".repeat(32));
        // Moved back to v1, so the venues of the other tests' reports stay v1 alone.
        HttpResponse<String> moved = send("PUT", "/api/kiosks/k9", ADMIN, "{\"venueId\":\"v1\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body()).contains("\"venueId\":\"v1\"");
        assertThat(central.store().registeredVenue(org.culturecard.core.ids.KioskId.of("k9"))).contains(VenueId.of("v1"));
        assertThat(get("/api/kiosks", READ).body()).contains("\"kioskId\":\"k9\"");
        assertThat(auditRows("/api/kiosks/k9")).contains("admin-token-1|admin|PUT|/api/kiosks/k9|");
        for (String token : List.of(READ, AUDITOR, RESEARCHER, MANAGER)) {
            assertThat(send("PUT", "/api/kiosks/k9", token, "{\"venueId\":\"v1\"}").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aBadKioskRegistrationIsA400NamingTheField() throws Exception {
        assertThat(send("PUT", "/api/kiosks/k9", ADMIN, "{\"venueId\":\"Not A Venue\"}").body()).contains("venueId");
        assertThat(send("PUT", "/api/kiosks/k9", ADMIN, "{}").body()).contains("venueId");
        assertThat(send("PUT", "/api/kiosks/k9", ADMIN, "{\"venueId\":\"v1\",\"certFingerprint\":\"zz\"}").body())
                .contains("certFingerprint");
        assertThat(send("PUT", "/api/kiosks/BAD%20ID", ADMIN, "{\"venueId\":\"v1\"}").body()).contains("kiosk id");
        for (String body : List.of("{\"venueId\":\"Not A Venue\"}", "{}", "[]", "not json", "{\"venueId\":1}",
                "{\"venueId\":\"v1\",\"extra\":1}", "{\"venueId\":\"v1\",\"certFingerprint\":\"zz\"}")) {
            assertThat(send("PUT", "/api/kiosks/k9", ADMIN, body).statusCode()).as(body).isEqualTo(400);
        }
        assertThat(send("PUT", "/api/kiosks/BAD%20ID", ADMIN, "{\"venueId\":\"v1\"}").statusCode()).isEqualTo(400);
    }

    @Test
    void reportParametersOutOfRangeAre400s() throws Exception {
        String base = "/api/reports/engagement?by=venue&period=month";
        for (String query : List.of("&from=+999999999-01-01&to=+999999999-02-01", "&from=-999999999-01-01&to=2026-01-01",
                "&from=2026-01-01&to=+999999999-12-31", "&from=2026-02-01&to=2026-01-01", "&from=2026-13-01&to=2027-01-01",
                "&from=2026-01-01&to=2026-01-01", "&from=&to=", "&from=2026-01-01", "&from=1999-12-31&to=2000-02-01")) {
            assertThat(get(base + query, READ).statusCode()).as(query).isEqualTo(400);
        }
        assertThat(get("/api/reports/engagement?by=nonsense&from=2026-01-01&to=2026-02-01", READ).statusCode()).isEqualTo(400);
        assertThat(get("/api/reports/engagement?by=venue&period=day&from=2026-01-01&to=2026-02-01", READ).statusCode()).isEqualTo(400);
        assertThat(get("/api/reports/engagement?by=venue&from=2026-01-01&to=2026-02-01&format=xml", READ).statusCode()).isEqualTo(400);
    }

    /** The audit table's rows for routes starting with {@code prefix}, as name|role|method|route|parameters. */
    private static List<String> auditRows(String prefix) throws Exception {
        try (Connection connection = central.store().dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT token_name || '|' || role || '|' || method || '|'"
                     + " || route || '|' || parameters FROM api_audit WHERE starts_with(route, ?) ORDER BY id")) {
            select.setString(1, prefix);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    @Test
    void everyChangingRouteNeedsTheAdminToken() throws Exception {
        String event = "{\"title\":\"Open day\",\"category\":{\"sector\":\"heritage\",\"activity\":null,\"mode\":\"attend\"},"
                + "\"ageBand\":\"all\",\"learningLayer\":null,\"startsAt\":\"2026-03-07T10:00:00Z\",\"endsAt\":\"2026-03-07T16:00:00Z\","
                + "\"capacity\":null}";
        String someId = "/api/venues/v1/events/00000000-0000-7000-8000-000000000abc";
        String linked = "/api/reports/linked?by=imd-decile&from=2026-03-01&to=2026-04-01";
        String linkage = "token,age_band,imd_decile,pupil_premium\n" + batch.records().get(0).token().value() + ",11-15,4,yes\n";
        List<String[]> changes = List.of(new String[] {"POST", "/api/venues/v1/events", event},
                new String[] {"PUT", someId, event}, new String[] {"POST", someId + "/close", ""},
                new String[] {"DELETE", someId, ""}, new String[] {"POST", linked, linkage});
        for (String[] change : changes) {
            String what = change[0] + " " + change[1];
            assertThat(send(change[0], change[1], null, change[2]).statusCode()).as("no token: " + what).isEqualTo(401);
            assertThat(send(change[0], change[1], READ, change[2]).statusCode()).as("read token: " + what).isEqualTo(403);
        }
        HttpResponse<String> created = send("POST", "/api/venues/v1/events", ADMIN, event);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = created.body().replaceAll(".*\"event\":\"([0-9a-f-]+)\".*", "$1");
        assertThat(send("PUT", "/api/venues/v1/events/" + id, ADMIN, event.replace("Open day", "Open days")).statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/venues/v1/events/" + id + "/close", ADMIN, "").statusCode()).isEqualTo(200);
        assertThat(send("DELETE", someId, ADMIN, "").statusCode()).as("authorised, but no such event").isEqualTo(404);
        assertThat(send("POST", linked, ADMIN, linkage).statusCode()).as("linked reports are the researcher's").isEqualTo(403);
        HttpResponse<String> report = send("POST", linked + "&format=csv", RESEARCHER, linkage);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.body()).startsWith("imd_decile,period,").doesNotContain(batch.records().get(0).token().value());
    }

    @Test
    void reportsComeAsJsonOrCsvWithSmallNumbersSuppressed() throws Exception {
        HttpResponse<String> json = get("/api/reports/engagement?by=venue&period=month&from=2026-03-01&to=2026-04-01", READ);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(json.body()).contains("\"by\":\"venue\"", "\"periods\":[\"2026-03\"]", "\"group\":\"v1\"",
                "\"checkIns\":null", "\"suppressionRule\"");
        HttpResponse<String> csv = get("/api/reports/engagement?by=venue&period=month&from=2026-03-01&to=2026-04-01&format=csv", READ);
        assertThat(csv.body()).isEqualTo("venue,period,check_ins,people,repeat_rate,breadth_mean\n"
                + "v1,2026-03,[c],[c],[c],[c]\nv1,ALL,[c],[c],[c],[c]\nALL,2026-03,[c],[c],[c],[c]\nALL,ALL,[c],[c],[c],[c]\n");
        assertThat(get("/api/reports/engagement?by=venue&from=2026-04-01&to=2026-03-01", READ).statusCode()).isEqualTo(400);
        assertThat(get("/api/reports/engagement?by=age-band&from=2026-03-01&to=2026-04-01", READ).statusCode())
                .as("linked dimensions need the council file").isEqualTo(400);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(central.httpUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(central.httpUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
