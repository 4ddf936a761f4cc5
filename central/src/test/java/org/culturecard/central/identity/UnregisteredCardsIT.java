package org.culturecard.central.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.culturecard.central.Central;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.enrolment.UnregisteredCards;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.mqtt.RecordingMqttClient;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A venue's {@code unregisteredCards} setting on a real central (PostgreSQL, Mosquitto): set by the
 * admin, audited, in the venue's retained config as a kiosk receives it (and still there after an
 * event edit re-publishes it); an unknown value refused naming the key; other roles refused.
 */
class UnregisteredCardsIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final String READ = "read-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final WireCodec CODEC = new WireCodec();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Central central;
    private static RecordingMqttClient kiosk;

    @BeforeAll
    static void start() throws Exception {
        String url = DB.server().createDatabase("central_unregistered");
        central = Central.start(new CentralConfig(url, DB.server().user(), "", BROKER.server().uri(), "unreg-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(READ), Set.of(ADMIN))), TestBatches.CLOCK);
        kiosk = RecordingMqttClient.connect(BROKER.server().uri(), "unreg-kiosk", new MqttConnectionOptions(),
                "culturecard/v1/+/down/config");
    }

    @AfterAll
    static void stop() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        if (central != null) {
            central.close();
        }
    }

    @Test
    void theAdminsChoiceIsAuditedAndReachesTheVenuesConfigAndStaysThroughAnEventEdit() throws Exception {
        assertThat(send("GET", "/api/venues/u1/unregistered-cards", ADMIN, null).body())
                .isEqualTo("{\"venueId\":\"u1\",\"unregisteredCards\":\"record-silently\"}");

        HttpResponse<String> set = send("PUT", "/api/venues/u1/unregistered-cards", ADMIN,
                "{\"unregisteredCards\":\"record-and-remind\"}");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).startsWith("{\"venueId\":\"u1\",\"unregisteredCards\":\"record-and-remind\",\"configVersion\":");
        VenueConfig config = awaitConfig("u1", c -> c.unregisteredCards() == UnregisteredCards.RECORD_AND_REMIND);
        assertThat(auditRows()).containsExactly("admin-token-1|admin|PUT|/api/venues/u1/unregistered-cards|");
        assertThat(send("GET", "/api/venues/u1/unregistered-cards", ADMIN, null).body()).contains("record-and-remind");

        String event = "{\"title\":\"Open day\",\"category\":{\"sector\":\"heritage\",\"activity\":null,\"mode\":\"attend\"},"
                + "\"ageBand\":\"all\",\"learningLayer\":null,\"startsAt\":\"2026-03-07T10:00:00Z\","
                + "\"endsAt\":\"2026-03-07T16:00:00Z\",\"capacity\":null}";
        assertThat(send("POST", "/api/venues/u1/events", ADMIN, event).statusCode()).isEqualTo(201);
        VenueConfig after = awaitConfig("u1", c -> c.version() > config.version());
        assertThat(after.events()).hasSize(1);
        assertThat(after.unregisteredCards()).isEqualTo(UnregisteredCards.RECORD_AND_REMIND);

        assertThat(send("PUT", "/api/venues/u1/unregistered-cards", ADMIN, "{\"unregisteredCards\":\"record-silently\"}")
                .statusCode()).isEqualTo(200);
        awaitConfig("u1", c -> c.unregisteredCards() == UnregisteredCards.RECORD_SILENTLY);
    }

    @Test
    void aVenueThatNeverChoseGetsAConfigWithoutTheField() throws Exception {
        String event = "{\"title\":\"Story time\",\"category\":{\"sector\":\"heritage\",\"activity\":null,\"mode\":\"attend\"},"
                + "\"ageBand\":\"all\",\"learningLayer\":null,\"startsAt\":\"2026-03-07T10:00:00Z\","
                + "\"endsAt\":\"2026-03-07T16:00:00Z\",\"capacity\":null}";
        assertThat(send("POST", "/api/venues/u2/events", ADMIN, event).statusCode()).isEqualTo(201);
        awaitConfig("u2", c -> c.events().size() == 1);
        assertThat(rawConfigs("u2")).isNotEmpty().noneMatch(payload -> payload.contains("unregisteredCards"));
    }

    @Test
    void anUnknownValueIsRefusedNamingTheKeyAndOnlyTheAdminMayReadOrChange() throws Exception {
        String path = "/api/venues/u3/unregistered-cards";
        HttpResponse<String> bad = send("PUT", path, ADMIN, "{\"unregisteredCards\":\"shout-at-them\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unregisteredCards is one of record-silently, record-and-remind")
                .doesNotContain("shout-at-them");
        HttpResponse<String> unknown = send("PUT", path, ADMIN, "{\"remind\":true}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("this request takes unregisteredCards");
        assertThat(send("PUT", path, ADMIN, "{\"unregisteredCards\":7}").body()).contains("unregisteredCards must be a string");
        assertThat(send("PUT", path, ADMIN, "{}").body()).contains("unregisteredCards is required");
        assertThat(send("PUT", "/api/venues/U3!/unregistered-cards", ADMIN, "{\"unregisteredCards\":\"record-silently\"}")
                .statusCode()).isEqualTo(400);
        assertThat(send("PUT", path, READ, "{\"unregisteredCards\":\"record-and-remind\"}").statusCode()).isEqualTo(403);
        assertThat(send("GET", path, READ, null).statusCode()).isEqualTo(403);
        assertThat(send("PUT", path, null, "{\"unregisteredCards\":\"record-and-remind\"}").statusCode()).isEqualTo(401);
        assertThat(send("GET", path, ADMIN, null).body()).contains("record-silently");
        assertThat(rawConfigs("u3")).as("nothing published for a refused change").isEmpty();
    }

    private static List<String> auditRows() throws Exception {
        try (Connection connection = central.store().dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT token_name || '|' || role || '|' || method"
                        + " || '|' || route || '|' || parameters FROM api_audit WHERE route = ? ORDER BY id")) {
            select.setString(1, "/api/venues/u1/unregistered-cards");
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    private static VenueConfig awaitConfig(String venue, Predicate<VenueConfig> condition) {
        AtomicReference<VenueConfig> seen = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            VenueConfig newest = null;
            for (RecordingMqttClient.Message message : kiosk.messages()) {
                VenueConfig config = CODEC.decode(message.payload(), VenueConfig.class);
                if (config.venueId().equals(VenueId.of(venue)) && (newest == null || config.version() > newest.version())) {
                    newest = config;
                }
            }
            seen.set(newest);
            return newest != null && condition.test(newest);
        });
        return seen.get();
    }

    private static List<String> rawConfigs(String venue) {
        return kiosk.messages().stream().filter(m -> m.topic().equals("culturecard/v1/" + venue + "/down/config"))
                .map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList();
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(central.httpUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
