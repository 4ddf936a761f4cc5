package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.WindowedPublisher;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.central.deadletter.DeadLetterCounts;
import org.culturecard.central.deadletter.DeadLetters;
import org.culturecard.central.deadletter.JunkQuota;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.mqttlink.BrokerEndpoint;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two workers share the subscription; one crashes mid-stream (connection dropped, no DISCONNECT,
 * transactions in flight) and is restarted under its client id, as systemd would. Every check-in is
 * stored exactly once and every batch is acknowledged to its kiosk.
 */
class WorkerFailoverIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final int BATCHES = 1_000;
    private static final int RECORDS = 5;
    private static Central central;

    @BeforeAll
    static void startCentral() {
        central = Central.start(new CentralConfig(DB.server().jdbcUrl(), DB.server().user(), "", BROKER.server().uri(),
                "failover-it", 1, "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(), Set.of())), TestBatches.CLOCK);
        for (int k = 0; k < 4; k++) {
            TestBatches.register(central.store(), "v" + k, "k" + k);
        }
    }

    @AfterAll
    static void stopCentral() {
        if (central != null) {
            central.close();
        }
    }

    @Test
    void aWorkerKilledMidStreamLosesAndDoublesNothing() throws Exception {
        WireCodec codec = new WireCodec();
        BatchValidator validator = new BatchValidator(codec, TestBatches.CLOCK, central.store()::registeredVenue);
        DeadLetters deadLetters = new DeadLetters(central.store(), new JunkQuota(TestBatches.CLOCK, 100), new DeadLetterCounts(), 4096);
        IngestWorker second = new IngestWorker(BrokerEndpoint.plain(BROKER.server().uri()), "failover-it-ingest-2", central.store(), validator,
                deadLetters, codec, TestBatches.CLOCK).start();
        assertThat(second.awaitSubscribed(Duration.ofSeconds(10))).isTrue();
        TestBatches batches = new TestBatches(7);
        List<CheckInBatch> sent = new ArrayList<>();
        IngestWorker restarted = null;
        long resumed;
        try (KioskSimulator acks = new KioskSimulator(BROKER.server().uri(), "failover-acks");
             WindowedPublisher kiosks = new WindowedPublisher(BROKER.server().uri(), "failover-kiosks", 90)) {
            for (int i = 0; i < BATCHES; i++) {
                CheckInBatch batch = batches.batch("v" + (i % 4), "k" + (i % 4), RECORDS);
                sent.add(batch);
                kiosks.publish(Topics.checkins(batch.venueId(), batch.kioskId()), codec.encode(batch));
                if (i == BATCHES / 3) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> second.stats().batchesStored() > 20);
                    second.abandon();
                }
            }
            kiosks.flush();
            restarted = new IngestWorker(BrokerEndpoint.plain(BROKER.server().uri()), "failover-it-ingest-2", central.store(), validator,
                    deadLetters, codec, TestBatches.CLOCK).start();
            await().atMost(Duration.ofSeconds(90)).until(() -> sent.stream().allMatch(b -> acks.firstAck(b.batchId()).isPresent()));
            resumed = restarted.stats().batchesStored();
        } finally {
            second.close();
            if (restarted != null) {
                restarted.close();
            }
        }
        try (Connection c = DB.server().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM check_ins WHERE kiosk_id IN ('k0','k1','k2','k3')")) {
            rs.next();
            assertThat(rs.getLong(1)).as("rows").isEqualTo((long) BATCHES * RECORDS);
            assertThat(rs.getLong(2)).as("distinct ids").isEqualTo((long) BATCHES * RECORDS);
        }
        assertThat(central.workers().get(0).stats().batchesStored()).as("the surviving worker kept ingesting").isPositive();
        assertThat(resumed).as("the restarted worker resumed its session").isPositive();
    }
}
