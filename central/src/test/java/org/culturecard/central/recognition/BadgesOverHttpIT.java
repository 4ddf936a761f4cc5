package org.culturecard.central.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.culturecard.central.recognition.RecognitionFixtures.MUSEUM_EVENT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.culturecard.badges.NodeVerifier;
import org.culturecard.badges.keys.BadgeKeyFiles;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.BadgeSettings;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.config.RecognitionSettings;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open Badges through the whole of central: taps over Mosquitto earn an award on PostgreSQL, an officer fetches
 * its credential over the API, the independent node verifier passes it with the status list fetched from
 * central's public route, and after an admin's audited revocation the verifier refuses it. Bad parameters get
 * 400 or 404, never 500.
 */
class BadgesOverHttpIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final String OFFICER = "officer-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final String PUBLIC = "https://central.example.org";
    private static final String STATUS = PUBLIC + "/badges/status/1";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> send(Central central, String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(central.httpUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private NodeVerifier.Verdict verify(Central central, String credential) throws Exception {
        HttpResponse<String> status = send(central, "GET", "/badges/status/1", null, null);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/ld+json"));
        return NodeVerifier.verify(dir, credential, Map.of(STATUS, status.body()));
    }

    @Test
    void anAwardsCredentialFetchedOverTheApiVerifiesUntilItIsRevoked() throws Exception {
        NodeVerifier.requireInstalled();
        String url = DB.server().createDatabase("badges_http_it");
        Path definitions = RecognitionFixtures.definitions(dir, RecognitionFixtures.DEFINITIONS);
        Path key = dir.resolve("badge.key");
        BadgeKeyFiles.create(key, "key-1", new SecureRandom());
        CentralConfig config = new CentralConfig(url, DB.server().user(), "", BROKER.server().uri(), "badges-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(OFFICER), Set.of(ADMIN)))
                .with(b -> b.recognition(new RecognitionSettings(definitions, 1)).reportRefreshSeconds(0).filterPublishSeconds(0)
                        .badges(new BadgeSettings(key, URI.create(PUBLIC), BadgeSettings.DID_KEY, "Region of Learning",
                                List.of())));
        RecognitionFixtures f = new RecognitionFixtures(34);
        Token token = f.token();
        try (Central central = Central.start(config, TestBatches.CLOCK);
             KioskSimulator kiosk = new KioskSimulator(BROKER.server().uri(), "badges-kiosk")) {
            TestBatches.register(central.store(), "museum", "m1");
            RecognitionFixtures.museumEvent(url, DB.server().user(), DB.server().password(), "museum");
            Instant now = TestBatches.NOW;
            CheckInBatch batch = RecognitionFixtures.batch("museum", "m1", List.of(
                    f.tap(token, "museum", "m1", MUSEUM_EVENT, now.minusSeconds(600)),
                    f.tap(token, "museum", "m1", MUSEUM_EVENT, now.minusSeconds(500)),
                    f.tap(token, "museum", "m1", null, now.minusSeconds(400))));
            kiosk.publish(batch);
            await().atMost(Duration.ofSeconds(20)).until(() -> RecognitionFixtures.count(url, DB.server().user(),
                    DB.server().password(), "SELECT count(*) FROM awards WHERE achievement_id = 'three-visits'") == 1);
            String query = "/api/awards/credential?token=" + token.value() + "&achievement=three-visits";

            HttpResponse<String> fetched = send(central, "GET", query, OFFICER, null);
            NodeVerifier.Verdict issued = verify(central, fetched.body());
            HttpResponse<String> byOfficer = send(central, "POST", "/api/awards/revoke", OFFICER,
                    "{\"token\":\"" + token.value() + "\",\"achievement\":\"three-visits\"}");
            HttpResponse<String> revoke = send(central, "POST", "/api/awards/revoke", ADMIN,
                    "{\"token\":\"" + token.value() + "\",\"achievement\":\"three-visits\"}");
            NodeVerifier.Verdict revoked = verify(central, fetched.body());

            assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
            assertThat(fetched.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/ld+json"));
            assertThat(fetched.body()).contains(STATUS + "#").doesNotContain(token.value());
            assertThat(issued.verified()).as(issued.output()).isTrue();
            assertThat(byOfficer.statusCode()).isEqualTo(403);
            assertThat(revoke.statusCode()).as(revoke.body()).isEqualTo(200);
            assertThat(revoked.verified()).as(revoked.output()).isFalse();
            assertThat(revoked.output()).contains("revoked");
            assertThat(RecognitionFixtures.count(url, DB.server().user(), DB.server().password(),
                    "SELECT count(*) FROM api_audit WHERE route = '/api/awards/revoke' AND method = 'POST'")).isEqualTo(1);
            assertThat(RecognitionFixtures.count(url, DB.server().user(), DB.server().password(),
                    "SELECT count(*) FROM api_audit WHERE parameters LIKE '%" + token.value() + "%'")).isZero();

            // roles, a did:key issuer's absent documents, and hostile values: 4xx naming the parameter, never 500
            assertThat(send(central, "GET", query, null, null).statusCode()).isEqualTo(401);
            assertThat(send(central, "GET", "/badges/issuer", null, null).statusCode()).isEqualTo(404);
            assertThat(send(central, "GET", "/badges/keys/key-1", null, null).statusCode()).isEqualTo(404);
            assertThat(send(central, "GET", "/badges/status/2", null, null).statusCode()).isEqualTo(404);
            assertThat(send(central, "GET", "/badges/status/1%27%20OR%201=1", null, null).statusCode()).isEqualTo(404);
            HttpResponse<String> badToken = send(central, "GET", "/api/awards/credential?token=..%2F..&achievement=three-visits",
                    OFFICER, null);
            assertThat(badToken.statusCode()).isEqualTo(400);
            assertThat(badToken.body()).contains("token:");
            HttpResponse<String> badAchievement = send(central, "GET", "/api/awards/credential?token=" + token.value()
                    + "&achievement=%27%3B%20DROP%20TABLE%20awards", OFFICER, null);
            assertThat(badAchievement.statusCode()).isEqualTo(400);
            assertThat(badAchievement.body()).contains("achievement:");
            assertThat(send(central, "GET", "/api/awards/credential", OFFICER, null).statusCode()).isEqualTo(400);
            assertThat(send(central, "GET", "/api/awards/credential?token=" + f.token().value() + "&achievement=three-visits",
                    OFFICER, null).statusCode()).isEqualTo(404);
            assertThat(send(central, "POST", "/api/awards/revoke", ADMIN, "{\"token\":\"" + token.value()
                    + "\",\"achievement\":\"museum-explorer\"}").statusCode()).isEqualTo(404);
            assertThat(send(central, "POST", "/api/awards/revoke", ADMIN, "{\"token\":1}").statusCode()).isEqualTo(400);
            assertThat(send(central, "POST", "/api/awards/revoke", ADMIN, "not json").statusCode()).isEqualTo(400);
        }
    }
}
