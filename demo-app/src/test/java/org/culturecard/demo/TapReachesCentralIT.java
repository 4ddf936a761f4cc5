package org.culturecard.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.culturecard.central.Central;
import org.culturecard.central.config.ApiToken;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.config.Role;
import org.culturecard.core.card.CardUid;
import org.culturecard.core.event.AgeBand;
import org.culturecard.core.event.Category;
import org.culturecard.core.event.Event;
import org.culturecard.core.event.Mode;
import org.culturecard.core.event.Sector;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.ids.VenueId;
import org.culturecard.core.privacy.Pseudonymiser;
import org.culturecard.core.privacy.SchemeKey;
import org.culturecard.core.privacy.Token;
import org.culturecard.kiosk.KioskApp;
import org.culturecard.kiosk.KioskHooks;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.kioskdb.EventOrigin;
import org.culturecard.reader.PcscCardReader;
import org.culturecard.reader.ReaderEvent;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.mqtt.RecordingMqttClient;
import org.culturecard.testsupport.pcsc.PcscdExtension;
import org.culturecard.testsupport.pcsc.PcscdServer;
import org.culturecard.testsupport.pcsc.VirtualCard;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton, on real components only: a virtual card on pcscd's virtual reader, read by
 * card-reader through jnasmartcardio, checked in by the kiosk's service into a real SQLite file,
 * published by the sync agent through a real Mosquitto, stored by central in a real PostgreSQL and
 * acknowledged back. Then the card's UID is searched for everywhere it must never be.
 */
@ExtendWith({PcscdExtension.class, MosquittoExtension.class, PostgresExtension.class})
class TapReachesCentralIT {
    private static final byte[] UID = HexFormat.of().parseHex("04a1b2c3d4e5f6");
    private static final VenueId VENUE = VenueId.of("museum-of-childhood");
    private static final KioskId KIOSK = KioskId.of("moc-kiosk-1");
    private static final String API_TOKEN = "it-audit-token-0123456789";

    private final Clock clock = Clock.systemUTC();

    @Test
    void aTapOnARealReaderIsStoredCentrallyAndItsUidAppearsNowhere(PcscdServer pcscd, MosquittoServer broker,
            PostgresServer postgres, @TempDir Path dir) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path keyFile = Files.writeString(dir.resolve("scheme.key"), HexFormat.of().formatHex(key));
        Path database = dir.resolve("kiosk.db");
        String jdbcUrl = postgres.createDatabase("central_it");
        Token expectedToken = new Pseudonymiser(SchemeKey.of(key)).tokenFor(CardUid.of(UID));

        List<RecordingMqttClient.Message> messages;
        List<String> logLines;
        Event event;
        try (LogCapture logs = LogCapture.attach(); RecordingMqttClient spy = RecordingMqttClient.connect(broker.uri(), "#")) {
            try (Central central = Central.start(centralConfig(jdbcUrl, broker.uri()), clock);
                    KioskApp kiosk = KioskApp.compose(kioskConfig(database, keyFile), new PcscCardReader(clock), KioskHooks.defaults());
                    MqttSyncAgent agent = new MqttSyncAgent(SyncConfig.of(URI.create(broker.uri()), KIOSK, VENUE, database),
                            SqliteOutbox.open(database), clock, UuidV7.system())) {
                central.store().registerKiosk(KIOSK, VENUE, null); // provisioning's registry
                event = activeEvent(kiosk);
                agent.start();

                BlockingQueue<ReaderEvent> readerEvents = new LinkedBlockingQueue<>();
                BlockingQueue<CheckInResult> results = new LinkedBlockingQueue<>();
                kiosk.reader().start(readerEvent -> {
                    readerEvents.add(readerEvent);
                    if (readerEvent instanceof ReaderEvent.CardPresented presented) {
                        results.add(kiosk.checkInService().handle(presented.tap()));
                    }
                });
                await().atMost(Duration.ofSeconds(10)).until(() -> readerEvents.stream()
                        .anyMatch(e -> e instanceof ReaderEvent.ReaderAttached a && a.readerName().equals(PcscdServer.READER_0)));

                try (VirtualCard card = VirtualCard.insert(PcscdServer.PORT_READER_0, UID, VirtualCard.ATR_MIFARE_CLASSIC_1K)) {
                    CheckInResult result = results.poll(10, TimeUnit.SECONDS);
                    assertThat(result).isInstanceOf(CheckInResult.Recorded.class);
                    assertThat(((CheckInResult.Recorded) result).checkIn().token()).isEqualTo(expectedToken);
                }

                await().atMost(Duration.ofSeconds(20)).until(() -> centralRows(jdbcUrl, postgres).size() == 1);
                assertThat(centralRows(jdbcUrl, postgres)).containsExactly(
                        List.of(expectedToken.value(), event.id().toString(), KIOSK.value(), VENUE.value()));

                // Central's ack came back: the kiosk's outbox row is delivered.
                await().atMost(Duration.ofSeconds(20)).until(() -> agent.status().backlog() == 0);
                assertThat(outboxDelivered(database)).isEqualTo(1);

                // And central's HTTP API lists it.
                HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(central.httpUrl() + "/api/checkins"))
                        .header("Authorization", "Bearer " + API_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(listed.statusCode()).isEqualTo(200);
                assertThat(listed.body()).contains(expectedToken.value());
            }
            messages = spy.messages();
            logLines = logs.lines();
        }

        String lower = HexFormat.of().formatHex(UID);
        String upper = lower.toUpperCase(Locale.ROOT);
        String spaced = HexFormat.ofDelimiter(" ").withUpperCase().formatHex(UID);

        // SQLite: the database, its write-ahead log and shared memory, as text and as raw bytes.
        for (Path file : PrivacySearch.sqliteFiles(database)) {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(text).as(file.toString()).doesNotContain(lower).doesNotContain(upper).doesNotContain(spaced);
            assertThat(PrivacySearch.indexOf(bytes, UID)).as("raw UID bytes in " + file).isEqualTo(-1);
        }

        // PostgreSQL: every row of every table, as text.
        String everything = PrivacySearch.dumpAllTables(jdbcUrl, postgres);
        assertThat(everything).contains(expectedToken.value()).doesNotContainIgnoringCase(lower);

        // MQTT: every payload that crossed the broker (the spy saw the batch and the ack, so it was listening).
        assertThat(messages).anyMatch(m -> m.topic().endsWith("/up/checkins"))
                .anyMatch(m -> m.topic().endsWith("/down/acks"));
        for (RecordingMqttClient.Message message : messages) {
            String payload = new String(message.payload(), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(payload).as(message.topic()).doesNotContainIgnoringCase(lower).doesNotContain(spaced);
            assertThat(PrivacySearch.indexOf(message.payload(), UID)).as("raw UID bytes on " + message.topic()).isEqualTo(-1);
        }

        // Logs, at DEBUG: the tap was logged (so the capture worked), its UID was not.
        assertThat(logLines).anyMatch(line -> line.contains("Recorded"));
        assertThat(logLines).noneMatch(line -> line.toLowerCase(Locale.ROOT).contains(lower)
                || line.contains(spaced) || line.contains(spaced.toLowerCase(Locale.ROOT)));
    }

    private Event activeEvent(KioskApp kiosk) {
        Instant start = clock.instant().minus(Duration.ofHours(1));
        Event event = new Event(UUID.randomUUID(), VENUE, "Toy Theatre Workshop",
                new Category(Sector.MUSEUMS_GALLERIES, null, Mode.TAKE_PART), AgeBand.AGE_5_10, null,
                start, start.plus(Duration.ofHours(4)), null);
        kiosk.store().upsertEvent(event, EventOrigin.KIOSK);
        assertThat(kiosk.store().makeActive(event.id())).isTrue();
        return event;
    }

    private static KioskConfig kioskConfig(Path database, Path keyFile) {
        return new KioskConfig(VENUE, KIOSK, "Museum of Childhood", database, keyFile, "0.1.0-it", false, Locale.ENGLISH);
    }

    private static CentralConfig centralConfig(String jdbcUrl, String brokerUri) {
        return new CentralConfig(jdbcUrl, "postgres", "", brokerUri, "central-it", 1, "127.0.0.1", 0,
                new CentralConfig.ApiTokens(List.of(ApiToken.withSecret("it-auditor", Role.AUDITOR, API_TOKEN, Set.of()))));
    }

    private static List<List<String>> centralRows(String jdbcUrl, PostgresServer postgres) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, postgres.user(), postgres.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT token, event_id::text, kiosk_id, venue_id FROM check_ins ORDER BY seq")) {
            List<List<String>> result = new ArrayList<>();
            while (rows.next()) {
                result.add(List.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
            }
            return result;
        }
    }

    private static int outboxDelivered(Path database) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM outbox WHERE delivered_at IS NOT NULL")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
