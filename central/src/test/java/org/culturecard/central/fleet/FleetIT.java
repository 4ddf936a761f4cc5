package org.culturecard.central.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.culturecard.central.Central;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.ArtsActivity;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Schemas;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.mqtt.MessageCallback;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fleet status, kiosk events and the retained venue config, through the real broker and database. */
class FleetIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final String READ = "read-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final WireCodec CODEC = new WireCodec();
    private static final VenueId V5 = VenueId.of("v5");
    private static final KioskId K5 = KioskId.of("k5");
    private static Central central;
    private static MqttClient kiosk;
    private static final AtomicReference<VenueConfig> CONFIG = new AtomicReference<>();

    @BeforeAll
    static void start() throws Exception {
        String url = DB.server().createDatabase("central_fleet");
        central = Central.start(new CentralConfig(url, DB.server().user(), "", BROKER.server().uri(), "fleet-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(READ), Set.of(ADMIN))), TestBatches.CLOCK);
        TestBatches.register(central.store(), "v5", "k5", "k7");
        kiosk = new MqttClient(BROKER.server().uri(), "fleet-kiosk", new MemoryPersistence());
        kiosk.setCallback(new MessageCallback(FleetIT::keepNewestConfig));
        kiosk.connect(new MqttConnectionOptions());
        kiosk.subscribe(Topics.config(V5), 1);
    }

    @AfterAll
    static void stop() throws Exception {
        if (kiosk != null) {
            kiosk.disconnect();
            kiosk.close();
        }
        if (central != null) {
            central.close();
        }
    }

    @Test
    void retainedStatusShowsOnlineThenOfflineFromTheLastWill() throws Exception {
        KioskStatus online = new KioskStatus(Schemas.KIOSK_STATUS, K5, V5, KioskStatus.ONLINE, TestBatches.NOW, 7, 42L,
                "card-present", 1_000_000L, Map.of("kiosk", "0.1.0"));
        kiosk.publish(Topics.status(V5, K5), CODEC.encode(online), 1, true);
        await().atMost(WAIT).until(() -> get("/api/kiosks", READ).body().contains("\"state\":\"online\""));
        String kiosks = get("/api/kiosks", READ).body();
        assertThat(kiosks).contains("\"kioskId\":\"k5\"", "\"backlog\":7", "\"readerState\":\"card-present\"", "0.1.0");
        assertThat(get("/metrics", READ).body()).contains("culturecard_kiosks_online 1");

        kiosk.publish(Topics.status(V5, K5), CODEC.encode(KioskStatus.offline(K5, V5, TestBatches.NOW.plusSeconds(60))), 1, true);
        await().atMost(WAIT).until(() -> get("/api/kiosks", READ).body().contains("\"state\":\"offline\""));
        assertThat(get("/metrics", READ).body()).contains("culturecard_kiosks_online 0");
    }

    @Test
    void aStatusOnAnotherKioskTopicIsDeadLettered() throws Exception {
        KioskStatus other = KioskStatus.offline(KioskId.of("k6"), V5, TestBatches.NOW);
        kiosk.publish("culturecard/v1/v5/k7/up/status", CODEC.encode(other), 1, false);
        await().atMost(WAIT).until(() -> get("/api/dead-letters", ADMIN).body().contains("culturecard/v1/v5/k7/up/status"));
    }

    @Test
    void kioskEventsAreStoredAndRepublishedInANewerConfigThenClosed() throws Exception {
        Event event = event(UUID.fromString("00000000-0000-7000-8000-00000000aa01"), "Film club");
        long before = CONFIG.get() == null ? 0 : CONFIG.get().version();
        kiosk.publish(Topics.events(V5, K5), CODEC.encode(KioskEvents.of(K5, V5, TestBatches.NOW, List.of(event), List.of())), 1, false);
        await().atMost(WAIT).until(() -> CONFIG.get() != null && CONFIG.get().version() > before
                && CONFIG.get().events().stream().anyMatch(e -> e.id().equals(event.id())));
        assertThat(get("/api/venues/v5/events", READ).body()).contains("Film club");

        long withEvent = CONFIG.get().version();
        kiosk.publish(Topics.events(V5, K5), CODEC.encode(KioskEvents.of(K5, V5, TestBatches.NOW, List.of(), List.of(event.id()))),
                1, false);
        await().atMost(WAIT).until(() -> CONFIG.get().version() > withEvent
                && CONFIG.get().events().stream().noneMatch(e -> e.id().equals(event.id())));
    }

    @Test
    void adminCreatesUpdatesAndClosesAnEventAndEachChangePublishesTheNextVersion() throws Exception {
        Event event = event(UUID.fromString("00000000-0000-7000-8000-00000000bb01"), "Museum late");
        HttpResponse<String> created = send("POST", "/api/venues/v5/events", ADMIN, new String(CODEC.encode(event)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await().atMost(WAIT).until(() -> CONFIG.get() != null
                && CONFIG.get().events().stream().anyMatch(e -> e.title().equals("Museum late")));
        long v1 = CONFIG.get().version();

        String renamed = new String(CODEC.encode(event)).replace("Museum late", "Museum late: dinosaurs");
        assertThat(send("PUT", "/api/venues/v5/events/" + event.id(), READ, renamed).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/venues/v5/events/" + event.id(), ADMIN, renamed).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> CONFIG.get().version() > v1
                && CONFIG.get().events().stream().anyMatch(e -> e.title().equals("Museum late: dinosaurs")));

        long v2 = CONFIG.get().version();
        assertThat(send("POST", "/api/venues/v5/events/" + event.id() + "/close", ADMIN, "").statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> CONFIG.get().version() > v2
                && CONFIG.get().events().stream().noneMatch(e -> e.id().equals(event.id())));
        assertThat(send("DELETE", "/api/venues/v5/events/" + event.id(), ADMIN, "").statusCode()).as("already closed").isEqualTo(404);
        assertThat(send("POST", "/api/venues/v5/events", ADMIN, "{\"title\":\"no category\"}").statusCode()).isEqualTo(400);
    }

    private static Event event(UUID id, String title) {
        return new Event(id, V5, title, new Category(Sector.ARTS, ArtsActivity.FILM_VIDEO, Mode.ATTEND), AgeBand.AGE_11_15, null,
                Instant.parse("2026-03-02T17:00:00Z"), Instant.parse("2026-03-02T19:00:00Z"), 30);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, null);
    }

    private static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(central.httpUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Keeps the newest config snapshot the kiosk has seen. */
    private static void keepNewestConfig(String topic, MqttMessage message) throws Exception {
        VenueConfig config = CODEC.decode(message.getPayload(), VenueConfig.class);
        CONFIG.accumulateAndGet(config, (old, now) -> old == null || now.version() > old.version() ? now : old);
    }
}
