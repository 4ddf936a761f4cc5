package org.culturecard.central.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.culturecard.central.Central;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.staff.PinHasher;
import org.culturecard.core.staff.StaffAuth;
import org.culturecard.core.staff.StaffMember;
import org.culturecard.core.staff.VenueStaff;
import org.culturecard.core.wire.Topics;
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
 * The admin API for venue staff on a real central (PostgreSQL, Mosquitto): admin only, every
 * change in the venue's retained config as a kiosk receives it, and every hostile body refused by
 * the name of its field without its value repeated.
 */
class VenueStaffIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final String READ = "read-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final WireCodec CODEC = new WireCodec();
    private static final String PIN = "739104";
    private static final String HASH = new PinHasher(new SecureRandom()).hash(PIN);
    private static Central central;
    private static RecordingMqttClient kiosk;

    @BeforeAll
    static void start() throws Exception {
        String url = DB.server().createDatabase("central_staff");
        central = Central.start(new CentralConfig(url, DB.server().user(), "", BROKER.server().uri(), "staff-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(READ), Set.of(ADMIN))), TestBatches.CLOCK);
        kiosk = RecordingMqttClient.connect(BROKER.server().uri(), "staff-kiosk", new MqttConnectionOptions(),
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
    void onlyAnAdminTokenMayListOrChangeAVenuesStaff() throws Exception {
        String ada = "{\"displayName\":\"Ada\",\"pinHash\":\"" + HASH + "\"}";
        assertThat(send("GET", "/api/venues/s1/staff", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/venues/s1/staff", READ, null).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/venues/s1/staff", READ, ada).statusCode()).isEqualTo(403);
        assertThat(send("PUT", "/api/venues/s1/staff-auth", READ, "{\"auth\":\"card-only\"}").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/venues/s1/events", READ, null).statusCode()).as("events stay readable").isEqualTo(200);
        assertThat(send("GET", "/api/venues/s1/staff", ADMIN, null).body())
                .isEqualTo("{\"venueId\":\"s1\",\"auth\":\"card-and-pin\",\"managed\":false,\"members\":[]}");
    }

    @Test
    void addedStaffReachTheVenueConfigWithTheirHashAndCardTokenAndTheApiShowsNeither() throws Exception {
        Token card = Token.of("5d".repeat(32));
        HttpResponse<String> added = send("POST", "/api/venues/s2/staff", ADMIN,
                "{\"displayName\":\"Ada Reyes\",\"pinHash\":\"" + HASH + "\",\"cardToken\":\"" + card.value() + "\"}");

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("\"displayName\":\"Ada Reyes\"", "\"pin\":true", "\"card\":\"5d5d5d5d…\"",
                "\"configVersion\":").doesNotContain(HASH).doesNotContain(card.value());
        VenueStaff staff = awaitConfig("s2", c -> c.staff().managed()).staff();
        assertThat(staff.auth()).isEqualTo(StaffAuth.CARD_AND_PIN);
        assertThat(staff.members()).singleElement().satisfies(member -> {
            assertThat(member.displayName()).isEqualTo("Ada Reyes");
            assertThat(member.pinHash()).isEqualTo(HASH);
            assertThat(member.cardToken()).isEqualTo(card);
            assertThat(member.revokedAt()).isNull();
        });
        String listed = send("GET", "/api/venues/s2/staff", ADMIN, null).body();
        assertThat(listed).contains("\"managed\":true", "Ada Reyes").doesNotContain(HASH).doesNotContain(card.value());
    }

    @Test
    void aRevokedMemberStaysInTheConfigWithTheirCardWhichIsNeverEnrolledAgain() throws Exception {
        Token card = Token.of("0c".repeat(32));
        String id = idOf(send("POST", "/api/venues/s3/staff", ADMIN,
                "{\"displayName\":\"Lee Park\",\"cardToken\":\"" + card.value() + "\"}"));
        long before = awaitConfig("s3", c -> c.staff().managed()).version();

        HttpResponse<String> revoked = send("POST", "/api/venues/s3/staff/" + id + "/revoke", ADMIN, "");

        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        VenueConfig config = awaitConfig("s3", c -> c.version() > before);
        assertThat(config.staff().members()).singleElement().satisfies(member -> {
            assertThat(member.cardToken()).isEqualTo(card);
            assertThat(member.revokedAt()).isEqualTo(TestBatches.NOW);
        });
        assertThat(send("POST", "/api/venues/s3/staff/" + id + "/revoke", ADMIN, "").statusCode()).isEqualTo(404);
        assertThat(send("PUT", "/api/venues/s3/staff/" + id + "/pin", ADMIN, "{\"pinHash\":\"" + HASH + "\"}").statusCode())
                .isEqualTo(404);
        HttpResponse<String> again = send("POST", "/api/venues/s3/staff", ADMIN,
                "{\"displayName\":\"Lee Park\",\"cardToken\":\"" + card.value() + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already enrolled").doesNotContain(card.value());
        assertThat(send("POST", "/api/venues/s3/staff", ADMIN, "{\"displayName\":\"Lee Park\",\"pinHash\":\"" + HASH + "\"}")
                .statusCode()).as("the name is free again once revoked").isEqualTo(201);
    }

    @Test
    void aPinAndACardAreAddedToAMemberOneByOneAndALostCardIsNotReplaced() throws Exception {
        String id = idOf(send("POST", "/api/venues/s4/staff", ADMIN, "{\"displayName\":\"Sam\",\"pinHash\":\"" + HASH + "\"}"));
        Token card = Token.of("7a".repeat(32));

        assertThat(send("PUT", "/api/venues/s4/staff/" + id + "/card", ADMIN, "{\"cardToken\":\"" + card.value() + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/venues/s4/staff/" + id + "/pin", ADMIN, "{\"pinHash\":\"" + HASH + "\"}")
                .statusCode()).isEqualTo(200);
        HttpResponse<String> second = send("PUT", "/api/venues/s4/staff/" + id + "/card", ADMIN,
                "{\"cardToken\":\"" + "7b".repeat(32) + "\"}");

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("revoke the member and add them again");
        StaffMember sam = awaitConfig("s4", c -> c.staff().members().stream().anyMatch(StaffMember::hasCard))
                .staff().members().get(0);
        assertThat(sam.cardToken()).isEqualTo(card);
        assertThat(send("POST", "/api/venues/s4/staff", ADMIN, "{\"displayName\":\" sam \",\"pinHash\":\"" + HASH + "\"}")
                .statusCode()).as("one active member per name").isEqualTo(409);
    }

    @Test
    void theVenuesStaffAuthSettingReachesItsConfig() throws Exception {
        HttpResponse<String> set = send("PUT", "/api/venues/s5/staff-auth", ADMIN, "{\"auth\":\"card-only\"}");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        VenueConfig config = awaitConfig("s5", c -> c.staff().auth() == StaffAuth.CARD_ONLY);
        assertThat(config.staff().managed()).as("no member yet: the kiosks' own staff stand").isFalse();
        assertThat(send("GET", "/api/venues/s5/staff", ADMIN, null).body()).contains("\"auth\":\"card-only\"");
        HttpResponse<String> bad = send("PUT", "/api/venues/s5/staff-auth", ADMIN, "{\"auth\":\"nobody\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("auth is one of card-and-pin, card-only, pin-only");
    }

    @Test
    void refusesHostileBodiesByTheNameOfTheFieldWithoutRepeatingTheValue() throws Exception {
        String path = "/api/venues/s6/staff";
        assertBadRequest(path, "{\"displayName\":\"Ada\",\"pinHash\":\"" + PIN + "\"}", "pinHash", PIN);
        assertBadRequest(path, "{\"displayName\":\"Ada\",\"pin\":\"" + PIN + "\"}", "never the PIN", PIN);
        assertBadRequest(path, "{\"displayName\":\"Ada\",\"cardToken\":\"04a1b2c3d4e5f6\"}", "cardToken", "04a1b2c3d4e5f6");
        assertBadRequest(path, "{\"displayName\":\"Ada\\r\\n12:00 INFO forged\",\"pinHash\":\"" + HASH + "\"}",
                "control characters", "forged");
        assertBadRequest(path, "{\"displayName\":\"" + "A".repeat(81) + "\",\"pinHash\":\"" + HASH + "\"}", "displayName", null);
        assertBadRequest(path, "{\"displayName\":\"Ada\"}", "neither a pinHash nor a cardToken", null);
        assertBadRequest(path, "{\"pinHash\":\"" + HASH + "\"}", "displayName is required", null);
        assertBadRequest(path, "{\"displayName\":42,\"pinHash\":\"" + HASH + "\"}", "displayName must be a string", null);
        assertBadRequest(path, "[\"Ada\"]", "JSON object", null);
        assertBadRequest(path, "{\"displayName\":", "not JSON", null);
        assertBadRequest(path, "{\"displayName\":\"" + "A".repeat(5000) + "\"}", "over 4096 bytes", null);
        assertBadRequest(path, "{\"displayName\":\"Ada\",\"pinHash\":\"" + HASH.replace("$210000$", "$2000000000$") + "\"}",
                "pinHash", null);
        assertBadRequest("/api/venues/S6!/staff", "{}", "venue id must be", null);
        assertBadRequest("/api/venues/s6/staff/not-a-uuid/revoke", "", "not a staff member id", null);
        assertThat(send("POST", "/api/venues/s6/staff/" + java.util.UUID.randomUUID() + "/revoke", ADMIN, "")
                .statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/venues/s6/staff", ADMIN, null).body()).contains("\"members\":[]");
    }

    @Test
    void aVenuePastTheConfigsLimitKeepsEveryActiveMemberAndTheMostRecentlyRevokedAndTakesNoMoreThan200Active() {
        PostgresVenueStaff store = new PostgresVenueStaff(central.store().dataSource());
        VenueId venue = VenueId.of("s7");
        java.time.Instant at = TestBatches.NOW;
        List<UUID> revoked = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID id = UUID.randomUUID();
            store.add(venue, new StaffMember(id, "Left " + i, HASH, null, null), at);
            store.revoke(venue, id, at.plusSeconds(i));
            revoked.add(id);
        }
        for (int i = 0; i < VenueStaff.MAX_MEMBERS - 5; i++) {
            store.add(venue, new StaffMember(UUID.randomUUID(), "Staff " + i, HASH, null, null), at);
        }

        VenueStaff snapshot = store.snapshot(venue);

        assertThat(snapshot.members()).hasSize(VenueStaff.MAX_MEMBERS);
        assertThat(snapshot.members().subList(0, VenueStaff.MAX_MEMBERS - 5)).noneMatch(StaffMember::revoked);
        assertThat(snapshot.members().subList(VenueStaff.MAX_MEMBERS - 5, VenueStaff.MAX_MEMBERS))
                .extracting(StaffMember::id).containsExactly(revoked.get(9), revoked.get(8), revoked.get(7),
                        revoked.get(6), revoked.get(5));
        for (int i = 0; i < 5; i++) {
            store.add(venue, new StaffMember(UUID.randomUUID(), "More staff " + i, HASH, null, null), at);
        }
        HttpResponse<String> full;
        try {
            full = send("POST", "/api/venues/s7/staff", ADMIN, "{\"displayName\":\"One more\",\"pinHash\":\"" + HASH + "\"}");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(full.statusCode()).isEqualTo(409);
        assertThat(full.body()).contains("revoke someone first");
    }

    private static void assertBadRequest(String path, String body, String reason, String secret) throws Exception {
        HttpResponse<String> response = send("POST", path, ADMIN, body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(response.body()).as(body).contains(reason);
        if (secret != null) {
            assertThat(response.body()).as(body).doesNotContain(secret);
        }
    }

    private static VenueConfig awaitConfig(String venue, java.util.function.Predicate<VenueConfig> condition) {
        VenueId id = VenueId.of(venue);
        AtomicReference<VenueConfig> seen = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            VenueConfig config = latest(id);
            seen.set(config);
            return config != null && condition.test(config);
        });
        return seen.get();
    }

    /** The newest config the kiosk has received for {@code venue}, or null. */
    private static VenueConfig latest(VenueId venue) {
        VenueConfig newest = null;
        for (RecordingMqttClient.Message message : kiosk.messages()) {
            VenueConfig config;
            try {
                config = CODEC.decode(message.payload(), VenueConfig.class);
            } catch (org.culturecard.core.wire.WireFormatException e) {
                throw new AssertionError("central published an unreadable config", e);
            }
            if (config.venueId().equals(venue) && (newest == null || config.version() > newest.version())) {
                newest = config;
            }
        }
        return newest;
    }

    private static String idOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String body = response.body();
        int at = body.indexOf("\"id\":\"") + 6;
        return body.substring(at, body.indexOf('"', at));
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
