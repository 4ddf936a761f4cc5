package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.culturecard.central.Central;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.fleet.VenueConfigPublisher;
import org.culturecard.central.store.KioskRow;
import org.culturecard.central.store.PostgresFleetStore;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.wire.AwardsShown;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.EnrolmentBatch;
import org.culturecard.core.wire.KioskEvents;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.VenueConfig;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.core.wire.golden.GoldenFiles;
import org.culturecard.core.wire.golden.WireGoldens;
import org.culturecard.core.wire.golden.WireGoldens.Future;
import org.culturecard.core.wire.golden.WireGoldens.Golden;
import org.culturecard.mqttlink.BrokerEndpoint;
import org.culturecard.mqttlink.MqttLink;
import org.culturecard.testsupport.mqtt.MessageCallback;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real central, through a real Mosquitto and PostgreSQL, against core's golden files (ADR 0023)
 * and the compatibility rule (ADR 0024): it takes the status, the events and the check-in batch of
 * every schema version a kiosk in the field may send; the batch ack and the venue config it writes
 * are the golden bytes; and what a kiosk newer than central would send (fields central does not
 * know) is dead-lettered, never applied nor acknowledged. Central's clock is fixed at the golden
 * ack's time. The steps share one central and run in order: the events make Dance Lab known before
 * the check-ins and the venue config name it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CentralWireGoldenIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Instant ACKED_AT = WireGoldens.NOW.plusSeconds(6);
    private static final WireCodec CODEC = new WireCodec();
    private static final List<byte[]> ACKS = new CopyOnWriteArrayList<>();
    private static final List<byte[]> CONFIGS = new CopyOnWriteArrayList<>();
    private static CentralConfig config;
    private static Central central;
    private static PostgresFleetStore fleet;
    private static MqttClient kiosk;

    @BeforeAll
    static void start() throws Exception {
        String url = DB.server().createDatabase("central_golden");
        config = new CentralConfig(url, DB.server().user(), "", BROKER.server().uri(), "golden-it", 1, "127.0.0.1", 0,
                new CentralConfig.ApiTokens(Set.of("read-token-0123456789"), Set.of("admin-token-0123456789")));
        central = Central.start(config, Clock.fixed(ACKED_AT, ZoneOffset.UTC));
        TestBatches.register(central.store(), WireGoldens.MUSEUM.value(), WireGoldens.KIOSK.value());
        fleet = new PostgresFleetStore(central.store().dataSource());
        kiosk = new MqttClient(BROKER.server().uri(), "golden-kiosk", new MemoryPersistence());
        kiosk.setCallback(new MessageCallback((topic, message) -> {
            if (message.getPayload().length > 0) {
                (topic.equals(Topics.config(WireGoldens.MUSEUM)) ? CONFIGS : ACKS).add(message.getPayload());
            }
        }));
        kiosk.connect();
        kiosk.subscribe(new String[] {Topics.acks(WireGoldens.MUSEUM, WireGoldens.KIOSK), Topics.config(WireGoldens.MUSEUM)},
                new int[] {1, 1});
    }

    @AfterAll
    static void stop() throws Exception {
        if (kiosk != null) {
            kiosk.publish(Topics.config(WireGoldens.MUSEUM), new byte[0], 1, true);
            kiosk.disconnect();
            kiosk.close();
        }
        if (central != null) {
            central.close();
        }
    }

    @Test
    @Order(1)
    void appliesTheKioskStatusOfEveryShapeAKioskSends() throws Exception {
        for (Golden golden : WireGoldens.of(KioskStatus.class).toList()) {
            KioskStatus sent = (KioskStatus) golden.message();
            kiosk.publish(Topics.status(WireGoldens.MUSEUM, WireGoldens.KIOSK), golden.bytes(), 1, false);

            KioskRow row = await().atMost(WAIT).until(CentralWireGoldenIT::kioskRow,
                    r -> r.state() != null && r.state().equals(sent.state()));
            assertThat(row.backlog()).as(golden.file()).isEqualTo(sent.backlog());
        }
        assertThat(kioskRow().readerState()).isEqualTo("card-present");
        assertThat(fleet.deadLettersStored()).isZero();
    }

    @Test
    @Order(2)
    void appliesTheKioskEventsOfEveryVersionAKioskSends() throws Exception {
        Golden golden = WireGoldens.of(KioskEvents.class).findFirst().orElseThrow();
        kiosk.publish(Topics.events(WireGoldens.MUSEUM, WireGoldens.KIOSK), golden.bytes(), 1, false);

        await().atMost(WAIT).until(() -> fleet.openEvents(WireGoldens.MUSEUM).contains(WireGoldens.danceLab()));
        await().atMost(WAIT).until(() -> !CONFIGS.isEmpty()); // the config it triggers is out: the counter is settled
        assertThat(fleet.deadLettersStored()).isZero();
    }

    @Test
    @Order(3)
    void acknowledgesTheGoldenCheckInBatchWithTheGoldenAck() throws Exception {
        CheckInBatch batch = (CheckInBatch) WireGoldens.golden("checkin-batch.v1.json").message();
        CheckIn first = batch.records().get(0);
        UUID earlier = WireGoldens.uuid7("0003");
        kiosk.publish(Topics.checkins(WireGoldens.MUSEUM, WireGoldens.KIOSK), CODEC.encode(CheckInBatch.of(earlier,
                batch.kioskId(), batch.venueId(), batch.bootId(), batch.sentAt(), List.of(first))), 1, false);
        await().atMost(WAIT).until(() -> ack(earlier).isPresent());

        kiosk.publish(Topics.checkins(WireGoldens.MUSEUM, WireGoldens.KIOSK), WireGoldens.golden("checkin-batch.v1.json")
                .bytes(), 1, false);

        byte[] ack = await().atMost(WAIT).until(() -> ack(batch.batchId()), Optional::isPresent).get();
        GoldenFiles.assertMatches("batch-ack.v1.json", ack); // one new, one already stored by the earlier batch
    }

    @Test
    @Order(4)
    void publishesTheVenueConfigAsTheGoldenBytes() throws Exception {
        VenueConfig golden = (VenueConfig) WireGoldens.golden("venue-config.v2.json").message();
        try (MqttLink link = new MqttLink(BrokerEndpoint.plain(config.brokerUri()), "golden-it-config", Map.of(), (t, m) -> { }).start()) {
            assertThat(link.awaitConnected(WAIT)).isTrue();
            VenueConfigPublisher publisher = new VenueConfigPublisher(fleet, link, CODEC,
                    Clock.fixed(golden.publishedAt(), ZoneOffset.UTC), venue -> golden.staff());
            while (fleet.nextConfigVersion(WireGoldens.MUSEUM, golden.publishedAt()) < golden.version() - 1) {
                // takes the versions up to the golden one's predecessor
            }

            assertThat(publisher.publish(WireGoldens.MUSEUM).version()).isEqualTo(golden.version());
        }
        byte[] published = await().atMost(WAIT).until(() -> config(golden.version()), Optional::isPresent).get();
        GoldenFiles.assertMatches("venue-config.v2.json", published);
    }

    @Test
    @Order(5)
    void deadLettersWhatAKioskNewerThanCentralSendsAndAppliesNoneOfIt() throws Exception {
        long before = fleet.deadLettersStored();
        int acks = ACKS.size();
        // Every upward message central reads, enrolment batches included (issue 13).
        List<Future> later = WireGoldens.futures().stream()
                .filter(f -> f.original().direction() == WireGoldens.Direction.UP).toList();
        for (Future future : later) {
            Object message = future.original().message();
            String topic = message instanceof CheckInBatch ? Topics.checkins(WireGoldens.MUSEUM, WireGoldens.KIOSK)
                    : message instanceof EnrolmentBatch ? Topics.enrolments(WireGoldens.MUSEUM, WireGoldens.KIOSK)
                    : message instanceof AwardsShown ? Topics.awardsShown(WireGoldens.MUSEUM, WireGoldens.KIOSK)
                    : message instanceof KioskStatus ? Topics.status(WireGoldens.MUSEUM, WireGoldens.KIOSK)
                    : Topics.events(WireGoldens.MUSEUM, WireGoldens.KIOSK);
            kiosk.publish(topic, future.bytes(), 1, false);
        }

        await().atMost(WAIT).until(() -> fleet.deadLettersStored() == before + later.size());
        assertThat(kioskRow().state()).as("the later online status was not applied").isEqualTo(KioskStatus.OFFLINE);
        assertThat(ACKS).as("the later batch was not acknowledged").hasSize(acks);
    }

    @Test
    @Order(6)
    void appliesTheGoldenEnrolmentBatchAndAcknowledgesEveryRecord() throws Exception {
        EnrolmentBatch batch = (EnrolmentBatch) WireGoldens.golden("enrolment-batch.v1.json").message();
        try (java.sql.Connection c = central.store().dataSource().getConnection();
             java.sql.PreparedStatement staff = c.prepareStatement("INSERT INTO venue_staff (staff_id, venue_id, display_name,"
                     + " card_token, created_at, updated_at) VALUES (?, ?, 'Golden', repeat('cd', 32), now(), now())")) {
            staff.setObject(1, batch.records().get(0).staffId());
            staff.setString(2, WireGoldens.MUSEUM.value());
            staff.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }

        int acks = ACKS.size(); // the check-in test used this batch id too: take the ack that comes after
        kiosk.publish(Topics.enrolments(WireGoldens.MUSEUM, WireGoldens.KIOSK), WireGoldens.golden("enrolment-batch.v1.json")
                .bytes(), 1, false);

        await().atMost(WAIT).until(() -> ACKS.size() > acks);
        BatchAck ack = decode(ACKS.get(acks), BatchAck.class);
        assertThat(ack.batchId()).isEqualTo(batch.batchId());
        assertThat(ack.inserted()).as("the ENROL, the REPLACE and the same day's UNDO; audit: %s", audit()).isEqualTo(3);
        assertThat(ack.duplicates()).isZero();
    }

    private static List<String> audit() throws java.sql.SQLException {
        try (java.sql.Connection c = central.store().dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT action || ': ' || detail FROM identity_changes ORDER BY id")) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            return rows;
        }
    }

    private static KioskRow kioskRow() {
        return central.store().kiosks().stream().filter(k -> k.kioskId().equals(WireGoldens.KIOSK.value()))
                .findFirst().orElseThrow();
    }

    private static Optional<byte[]> ack(UUID batchId) {
        return ACKS.stream().filter(payload -> decode(payload, BatchAck.class).batchId().equals(batchId)).findFirst();
    }

    private static Optional<byte[]> config(long version) {
        return CONFIGS.stream().filter(payload -> decode(payload, VenueConfig.class).version() == version).findFirst();
    }

    private static <T> T decode(byte[] payload, Class<T> type) {
        try {
            return CODEC.decode(payload, type);
        } catch (WireFormatException e) {
            throw new AssertionError("central sent an unreadable " + type.getSimpleName(), e);
        }
    }
}
