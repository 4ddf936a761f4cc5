package org.culturecard.central.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static org.culturecard.central.recognition.RecognitionFixtures.MUSEUM_EVENT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.config.RecognitionSettings;
import org.culturecard.central.report.ReportCommand;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.rules.CatalogueException;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recognition through the whole of central: taps published by a kiosk over Mosquitto are ingested,
 * the evaluator awards in the background, and the admin API serves and replaces the definitions,
 * sets goals and reports awards, refusing bad files and bodies by naming the field.
 */
class RecognitionIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final String OFFICER = "officer-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private CentralConfig config(String url, Path file) {
        return new CentralConfig(url, DB.server().user(), "", BROKER.server().uri(), "rec-it", 1, "127.0.0.1", 0,
                new CentralConfig.ApiTokens(Set.of(OFFICER), Set.of(ADMIN)))
                .with(b -> b.recognition(new RecognitionSettings(file, 1)).reportRefreshSeconds(0).filterPublishSeconds(0));
    }

    private long count(String url, String sql) throws Exception {
        return RecognitionFixtures.count(url, DB.server().user(), DB.server().password(), sql);
    }

    private static HttpResponse<String> send(Central central, String method, String path, String token, String body)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(central.httpUrl() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tapsEarnAwardsAndTheApiServesGoalsDefinitionsAndReports() throws Exception {
        String url = DB.server().createDatabase("recognition_it");
        Path file = RecognitionFixtures.definitions(dir, RecognitionFixtures.DEFINITIONS);
        RecognitionFixtures f = new RecognitionFixtures(21);
        Token token = f.token();
        try (Central central = Central.start(config(url, file), TestBatches.CLOCK);
             KioskSimulator kiosk = new KioskSimulator(BROKER.server().uri(), "rec-kiosk")) {
            TestBatches.register(central.store(), "museum", "m1");
            RecognitionFixtures.museumEvent(url, DB.server().user(), DB.server().password(), "museum");
            Instant now = TestBatches.NOW;
            CheckInBatch batch = RecognitionFixtures.batch("museum", "m1", List.of(
                    f.tap(token, "museum", "m1", MUSEUM_EVENT, now.minusSeconds(600)),
                    f.tap(token, "museum", "m1", MUSEUM_EVENT, now.minusSeconds(500)),
                    f.tap(token, "museum", "m1", null, now.minusSeconds(400))));
            kiosk.publish(batch);
            await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.firstAck(batch.batchId()).isPresent());
            await().atMost(Duration.ofSeconds(15)).until(() -> count(url, "SELECT count(*) FROM awards") == 2);
            assertThat(count(url, "SELECT count(*) FROM awards WHERE achievement_id IN ('three-visits', 'museum-explorer')"
                    + " AND shown_at IS NULL AND venue_id = 'museum'")).isEqualTo(2);
            kiosk.publish(batch); // redelivered: nothing more
            await().atMost(Duration.ofSeconds(15)).until(() -> kiosk.acksFor(batch.batchId()).size() == 2);
            await().atMost(Duration.ofSeconds(15)).until(() -> count(url, "SELECT count(*) FROM recognition_dirty") == 0);
            assertThat(count(url, "SELECT count(*) FROM awards")).isEqualTo(2);

            // goals and progress
            HttpResponse<String> goal = send(central, "POST", "/api/recognition/goal", OFFICER,
                    "{\"token\": \"" + token.value() + "\", \"pathway\": \"young-explorer\"}");
            assertThat(goal.statusCode()).isEqualTo(200);
            assertThat(goal.body()).contains("\"done\":1", "\"total\":2", "\"pathway\":\"young-explorer\"");
            assertThat(goal.body()).doesNotContain(token.value());
            assertThat(send(central, "POST", "/api/recognition/goal", OFFICER, "{\"token\": \"abc\", \"pathway\": \"young-explorer\"}")
                    .body()).contains("token: must be 64 lower-case hex digits");
            assertThat(send(central, "POST", "/api/recognition/goal", OFFICER, "{\"token\": \"" + token.value()
                    + "\", \"pathway\": \"nowhere\"}").body()).contains("pathway: no such pathway");
            assertThat(send(central, "POST", "/api/recognition/goal", OFFICER, "{\"token\": \"" + f.token().value()
                    + "\", \"pathway\": \"young-explorer\"}").statusCode()).isEqualTo(404);
            assertThat(count(url, "SELECT count(*) FROM api_audit WHERE route = '/api/recognition/goal' AND method = 'POST'"))
                    .isEqualTo(4);

            // definitions: admin only; a bad document is refused naming the field, and nothing changes
            assertThat(send(central, "GET", "/api/achievements", OFFICER, null).statusCode()).isEqualTo(403);
            assertThat(send(central, "GET", "/api/achievements", ADMIN, null).body()).contains("museum-explorer");
            HttpResponse<String> bad = send(central, "PUT", "/api/achievements", ADMIN,
                    RecognitionFixtures.DEFINITIONS.replace("\"count\": 3", "\"count\": 0"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).isEqualTo("{\"errors\":[\"achievements[0].rule.count: must be >= 1\"]}");
            assertThat(Files.readString(file)).isEqualTo(RecognitionFixtures.DEFINITIONS);
            String renamed = RecognitionFixtures.DEFINITIONS.replace("\"name\": \"Regular\"", "\"name\": \"Regular visitor\"");
            assertThat(send(central, "PUT", "/api/achievements", ADMIN, renamed).statusCode()).isEqualTo(200);
            assertThat(Files.readString(file)).isEqualTo(renamed);
            assertThat(send(central, "GET", "/api/achievements", ADMIN, null).body()).isEqualTo(renamed);
            assertThat(count(url, "SELECT count(*) FROM api_audit WHERE route = '/api/achievements' AND method = 'PUT'"))
                    .isEqualTo(2);

            // the awards report: small counts suppressed
            HttpResponse<String> report = send(central, "GET",
                    "/api/reports/awards?by=achievement&period=month&from=2026-03-01&to=2026-04-01&format=csv", OFFICER, null);
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.body()).startsWith("achievement,period,awards\n").contains("museum-explorer,2026-03,[c]")
                    .doesNotContain(",1\n", ",2\n");
            assertThat(send(central, "GET", "/api/reports/awards?by=achievement&from=2026-03-01&to=2026-04-01", ADMIN, null)
                    .statusCode()).isEqualTo(403);

            // the command lines: the same report, and a backfill that finds nothing new to award
            Path properties = dir.resolve("central.properties");
            Files.writeString(properties, "central.jdbc.url=" + url + "\ncentral.db.user=" + DB.server().user()
                    + "\ncentral.mqtt.uri=tcp://127.0.0.1:1883\ncentral.recognition.achievements-file=" + file + "\n");
            Path csv = dir.resolve("awards.csv");
            assertThat(ReportCommand.run(new String[] {"--config", properties.toString(), "--awards", "--by", "venue",
                "--from", "2026-03-01", "--to", "2026-04-01", "--out", csv.toString()}, Map.of())).isZero();
            assertThat(Files.readString(csv)).isEqualTo("venue,period,awards\nmuseum,2026-03,[c]\nmuseum,ALL,[c]\n"
                    + "ALL,2026-03,[c]\nALL,ALL,[c]\n");
            assertThat(RecognitionCommand.run(new String[] {"backfill", "--config", properties.toString(), "--achievement",
                "museum-explorer"}, Map.of())).isZero();
            assertThat(count(url, "SELECT count(*) FROM awards")).isEqualTo(2);
        }
    }

    @Test
    void aBadDefinitionsFileStopsCentralNamingTheField() throws Exception {
        String url = DB.server().createDatabase("recognition_bad_file");
        Path file = RecognitionFixtures.definitions(dir, RecognitionFixtures.DEFINITIONS
                .replace("\"of\": [\"museum-explorer\", \"wanderer\"]", "\"of\": [\"museum-explorer\", \"nobody\"]"));
        CatalogueException refused = catchThrowableOfType(() -> Central.start(config(url, file), TestBatches.CLOCK),
                CatalogueException.class);
        assertThat(refused.errors()).containsExactly("achievements.json: achievements[3].rule.of[1]: unknown achievement nobody");
    }
}
