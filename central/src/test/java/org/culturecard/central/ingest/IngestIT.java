package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Central's ingest against a real Mosquitto and a real PostgreSQL. */
class IngestIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static String jdbcUrl;
    private static Central central;
    private static KioskSimulator kiosk;
    private final TestBatches batches = new TestBatches(System.nanoTime());

    @BeforeAll
    static void startCentral() throws Exception {
        jdbcUrl = DB.server().createDatabase("central_ingest");
        CentralConfig config = new CentralConfig(jdbcUrl, DB.server().user(), "", BROKER.server().uri(), "ingest-it", 1,
                "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of("read-token-0123456789"), Set.of()));
        central = Central.start(config, TestBatches.CLOCK);
        assertThat(central.workers()).allMatch(IngestWorker::isSubscribed);
        TestBatches.register(central.store(), "v1", "k1", "k2", "k3", "k4");
        kiosk = new KioskSimulator(BROKER.server().uri(), "kiosk-sim");
    }

    @AfterAll
    static void stopCentral() throws Exception {
        if (kiosk != null) {
            kiosk.close();
        }
        if (central != null) {
            central.close();
        }
    }

    @Test
    void storesAValidBatchAndAcksTheKioskAfterTheCommit() throws Exception {
        CheckInBatch batch = batches.batch("v1", "k1", 3);
        kiosk.publish("culturecard/v1/v1/k1/up/checkins", new org.culturecard.core.wire.WireCodec().encode(batch));

        KioskSimulator.ReceivedAck received = await().atMost(WAIT).until(() -> kiosk.firstAck(batch.batchId()), o -> o.isPresent()).get();
        // The ack is sent only after the commit: by the time it is here, every row is visible.
        assertThat(countRows(batch)).isEqualTo(3);
        assertThat(received.topic()).isEqualTo("culturecard/v1/v1/k1/down/acks");
        BatchAck ack = received.ack();
        assertThat(ack.inserted()).isEqualTo(3);
        assertThat(ack.duplicates()).isZero();
        assertThat(ack.kioskId().value()).isEqualTo("k1");
        CheckIn first = batch.records().get(0);
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT token, event_id, kiosk_id, venue_id, seq, tapped_at, card_kind FROM check_ins WHERE id = ?")) {
            s.setObject(1, first.id());
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("token")).isEqualTo(first.token().value());
                assertThat(rs.getObject("event_id")).isNull();
                assertThat(rs.getString("kiosk_id")).isEqualTo("k1");
                assertThat(rs.getString("venue_id")).isEqualTo("v1");
                assertThat(rs.getLong("seq")).isEqualTo(first.seq());
                assertThat(rs.getTimestamp("tapped_at").toInstant()).isEqualTo(first.tappedAt());
                assertThat(rs.getString("card_kind")).isEqualTo("MIFARE_CLASSIC_1K");
            }
        }
    }

    @Test
    void storesARedeliveredBatchOnceAndAcksItWithDuplicates() throws Exception {
        CheckInBatch batch = batches.batch("v1", "k2", 5);
        kiosk.publish(batch);
        await().atMost(WAIT).until(() -> kiosk.acksFor(batch.batchId()).size() == 1);
        kiosk.publish(batch);
        await().atMost(WAIT).until(() -> kiosk.acksFor(batch.batchId()).size() == 2);

        List<KioskSimulator.ReceivedAck> acks = kiosk.acksFor(batch.batchId());
        assertThat(acks.get(0).ack().inserted()).isEqualTo(5);
        assertThat(acks.get(1).ack().inserted()).isZero();
        assertThat(acks.get(1).ack().duplicates()).isEqualTo(5);
        assertThat(countRows(batch)).isEqualTo(5);
    }

    @Test
    void deadLettersABatchWhosePayloadKioskDiffersFromTheTopic() throws Exception {
        CheckInBatch batch = batches.batch("v1", "k9", 2);
        byte[] payload = new org.culturecard.core.wire.WireCodec().encode(batch);
        kiosk.publish("culturecard/v1/v1/k3/up/checkins", payload);

        await().atMost(WAIT).until(() -> deadLetterPayload("culturecard/v1/v1/k3/up/checkins") != null);
        assertThat(deadLetterPayload("culturecard/v1/v1/k3/up/checkins")).isEqualTo(payload);
        assertThat(deadLetterReason("culturecard/v1/v1/k3/up/checkins")).contains("payload kiosk k9 differs from topic kiosk k3");
        assertThat(countRows(batch)).isZero();
        assertThat(kiosk.acksFor(batch.batchId())).isEmpty();
    }

    @Test
    void deadLettersMalformedJsonAndStillStoresTheNextValidBatch() throws Exception {
        String topic = "culturecard/v1/v1/k4/up/checkins";
        byte[] garbage = "{\"schema\": \"culturecard.checkin-batch.v1\", \"records\": [".getBytes(StandardCharsets.UTF_8);
        kiosk.publish(topic, garbage);
        CheckInBatch next = batches.batch("v1", "k4", 2);
        kiosk.publish(next);

        await().atMost(WAIT).until(() -> kiosk.firstAck(next.batchId()).isPresent());
        assertThat(countRows(next)).isEqualTo(2);
        assertThat(deadLetterPayload(topic)).isEqualTo(garbage);
        assertThat(deadLetterReason(topic)).contains("CheckInBatch");
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, DB.server().user(), "");
    }

    private static int countRows(CheckInBatch batch) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM check_ins WHERE id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("uuid", batch.records().stream().map(CheckIn::id).toArray(UUID[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static byte[] deadLetterPayload(String topic) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT payload FROM dead_letters WHERE topic = ? ORDER BY id DESC LIMIT 1")) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private static String deadLetterReason(String topic) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "SELECT reason FROM dead_letters WHERE topic = ? ORDER BY id DESC LIMIT 1")) {
            s.setString(1, topic);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
