package org.culturecard.central.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP API's authorisation and reads, on a central fed through the real broker and database. */
class CentralApiIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final String READ = "read-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Central central;
    private static CheckInBatch batch;

    @BeforeAll
    static void startCentralWithOneBatch() throws Exception {
        String url = DB.server().createDatabase("central_api");
        CentralConfig config = new CentralConfig(url, DB.server().user(), "", BROKER.server().uri(), "api-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(READ), Set.of(ADMIN)));
        central = Central.start(config, TestBatches.CLOCK);
        TestBatches.register(central.store(), "v1", "k1");
        batch = new TestBatches(42).batch("v1", "k1", 2);
        try (KioskSimulator kiosk = new KioskSimulator(BROKER.server().uri(), "api-kiosk")) {
            kiosk.publish(batch);
            await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.firstAck(batch.batchId()).isPresent());
        }
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
    void readTokenListsRecentCheckInsWithTheirTokens() throws Exception {
        HttpResponse<String> response = get("/api/checkins?limit=10", READ);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).contains(batch.records().get(0).id().toString(),
                batch.records().get(0).token().value(), "\"kioskId\":\"k1\"", "\"venueId\":\"v1\"", "\"receivedAt\":\"2026-03-02T10:00:00Z\"");
    }

    @Test
    void readTokenSeesTheCountAndTheKiosks() throws Exception {
        assertThat(get("/api/checkins/count", READ).body()).isEqualTo("{\"count\":2}");
        assertThat(get("/api/kiosks", ADMIN).body()).contains("\"kioskId\":\"k1\"", "\"venueId\":\"v1\"");
        assertThat(get("/api/kiosks/k1/checkins", READ).body()).contains(batch.records().get(1).id().toString());
    }

    @Test
    void readTokenMayNotChangeAnything() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create(central.httpUrl() + "/api/checkins"))
                .header("Authorization", "Bearer " + READ).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(HTTP.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void rejectsABadLimit() throws Exception {
        assertThat(get("/api/checkins?limit=0", READ).statusCode()).isEqualTo(400);
        assertThat(get("/api/checkins?limit=abc", READ).statusCode()).isEqualTo(400);
    }

    /** Every read route: refused without a token, served to both roles. */
    private static final List<String> READ_ROUTES = List.of("/api/checkins", "/api/checkins/count", "/api/kiosks",
            "/api/kiosks/k1/checkins", "/api/dead-letters", "/api/venues/v1/events", "/metrics",
            "/api/reports/engagement?by=venue&period=month&from=2026-01-01&to=2026-04-01",
            "/api/reports/engagement?by=sector&period=week&from=2026-02-23&to=2026-03-09&format=csv");

    @Test
    void everyReadRouteNeedsATokenAndServesBothRoles() throws Exception {
        for (String route : READ_ROUTES) {
            assertThat(get(route, null).statusCode()).as("no token: " + route).isEqualTo(401);
            assertThat(get(route, "wrong-token-0123456789").statusCode()).as("unknown token: " + route).isEqualTo(401);
            assertThat(get(route, READ).statusCode()).as("read token: " + route).isEqualTo(200);
            assertThat(get(route, ADMIN).statusCode()).as("admin token: " + route).isEqualTo(200);
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
        HttpResponse<String> report = send("POST", linked + "&format=csv", ADMIN, linkage);
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
