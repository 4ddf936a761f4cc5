package org.culturecard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.culturecard.central.Central;
import org.culturecard.central.config.ApiToken;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.config.Role;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Token;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.kioskdb.KioskDb;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.mqtt.RecordingMqttClient;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * ADR 0037's way back, on real components: an award the kiosk showed (a row of kiosk-db's
 * {@code awards_shown_outbox}) goes through the sync agent and Mosquitto to central, which sets its
 * {@code shown_at} in PostgreSQL, so the person's next ack no longer carries it, and the kiosk's row is
 * reported. A report of an award nobody holds, and one a kiosk sends for another kiosk, are dead-lettered.
 */
@ExtendWith({MosquittoExtension.class, PostgresExtension.class})
class AwardsShownIT {
    private static final VenueId VENUE = VenueId.of("museum");
    private static final KioskId KIOSK = KioskId.of("museum-kiosk-1");
    private static final Token TOKEN = Token.of("ab".repeat(32));
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Clock clock = Clock.systemUTC();

    @Test
    void anAwardShownAtTheKioskIsMarkedShownAtCentralOnceAndHostileReportsAreDeadLettered(MosquittoServer broker,
            PostgresServer postgres, @TempDir Path dir) throws Exception {
        String jdbcUrl = postgres.createDatabase("awards_shown_it");
        Path database = dir.resolve("kiosk.db");
        Instant shownAt = Instant.parse("2026-12-02T10:15:38Z");
        try (KioskDb kiosk = KioskDb.open(database, KioskDb.Role.KIOSK)) {
            kiosk.write("show an award", t -> t.awards().markShown(TOKEN, "museum-explorer", shownAt));
        }

        try (Central central = Central.start(new CentralConfig(jdbcUrl, "postgres", "", broker.uri(), "central-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(List.of(ApiToken.withSecret("it-auditor", Role.AUDITOR,
                        "it-auditor-token-0123456789", Set.of())))), clock);
                RecordingMqttClient hostile = RecordingMqttClient.connect(broker.uri(), Topics.acks(VENUE, KIOSK))) {
            central.store().registerKiosk(KIOSK, VENUE, null);
            sql(jdbcUrl, postgres, "INSERT INTO people (token) VALUES ('" + TOKEN.value() + "')");
            sql(jdbcUrl, postgres, "INSERT INTO awards (person_id, achievement_id, version, awarded_at, completed_by,"
                    + " completed_at, venue_id) SELECT person_id, 'museum-explorer', 1, now(), '" + UUID.randomUUID()
                    + "', now(), 'museum' FROM people WHERE token = '" + TOKEN.value() + "'");
            assertThat(shownAt(jdbcUrl, postgres)).containsExactly("null");

            try (MqttSyncAgent agent = new MqttSyncAgent(SyncConfig.of(URI.create(broker.uri()), KIOSK, VENUE, database),
                    SqliteOutbox.open(database), clock, UuidV7.system())) {
                agent.start();
                await().atMost(WAIT).until(() -> !shownAt(jdbcUrl, postgres).contains("null"));
                assertThat(shownAt(jdbcUrl, postgres)).containsExactly(shownAt.toString());
                try (KioskDb kioskDb = KioskDb.open(database, KioskDb.Role.KIOSK)) {
                    await().atMost(WAIT).until(() -> kioskDb.read("unreported", t -> t.awards().unreported(10)).isEmpty());
                }
            }
            assertThat(new org.culturecard.central.recognition.PendingAwardRows(central.store().dataSource(),
                    org.culturecard.central.recognition.AchievementBook.load(null)).of(List.of(TOKEN)))
                    .as("no longer in the next ack").isEmpty();

            // Hostile: an award the token's person does not hold, and a report naming another kiosk.
            WireCodec codec = new WireCodec();
            int acks = hostile.messages(Topics.acks(VENUE, KIOSK)).size(); // the agent's report's ack came here too
            AwardsShown unknown = AwardsShown.of(UUID.randomUUID(), KIOSK, VENUE, clock.instant(),
                    List.of(new AwardsShown.Shown(TOKEN, "not-held", shownAt)));
            hostile.publish(Topics.awardsShown(VENUE, KIOSK), codec.encode(unknown), 1, false);
            AwardsShown foreign = AwardsShown.of(UUID.randomUUID(), KioskId.of("museum-kiosk-2"), VENUE, clock.instant(),
                    List.of(new AwardsShown.Shown(TOKEN, "museum-explorer", shownAt)));
            hostile.publish(Topics.awardsShown(VENUE, KIOSK), codec.encode(foreign), 1, false);
            await().atMost(WAIT).until(() -> deadLetterReasons(jdbcUrl, postgres).size() == 2);
            assertThat(String.join("\n", deadLetterReasons(jdbcUrl, postgres)))
                    .contains("holds no award not-held").contains("museum-kiosk-2");
            await().atMost(WAIT).until(() -> hostile.messages(Topics.acks(VENUE, KIOSK)).size() > acks);
            assertThat(hostile.messages(Topics.acks(VENUE, KIOSK))).as("only the well-formed report is acked").hasSize(acks + 1);
            assertThat(hostile.messages(Topics.acks(VENUE, KIOSK)).get(acks).text()).contains(unknown.batchId().toString());
            assertThat(shownAt(jdbcUrl, postgres)).as("shown once: the first time stays").containsExactly(shownAt.toString());
        }
    }

    private static void sql(String jdbcUrl, PostgresServer postgres, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password())) {
            c.createStatement().execute(statement);
        }
    }

    private static List<String> shownAt(String jdbcUrl, PostgresServer postgres) throws Exception {
        return column(jdbcUrl, postgres, "SELECT shown_at FROM awards");
    }

    private static List<String> deadLetterReasons(String jdbcUrl, PostgresServer postgres) throws Exception {
        return column(jdbcUrl, postgres, "SELECT reason FROM dead_letters ORDER BY id");
    }

    private static List<String> column(String jdbcUrl, PostgresServer postgres, String query) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
                PreparedStatement select = c.prepareStatement(query); ResultSet rows = select.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                Object value = rows.getObject(1);
                values.add(value instanceof java.sql.Timestamp t ? t.toInstant().toString() : String.valueOf(value));
            }
            return values;
        }
    }
}
