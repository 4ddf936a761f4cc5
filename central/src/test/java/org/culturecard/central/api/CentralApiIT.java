package org.culturecard.central.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(central.httpUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
