package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.culturecard.central.Central;
import org.culturecard.central.KioskSimulator;
import org.culturecard.central.TestBatches;
import org.culturecard.central.config.CentralConfig;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Central keeps ingesting through a broker restart and a database outage, losing nothing. */
class IngestResilienceIT {

    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    @RegisterExtension
    static final PostgresExtension DB = new PostgresExtension();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Central central;
    private final TestBatches batches = new TestBatches(System.nanoTime());

    @BeforeAll
    static void startCentral() {
        CentralConfig config = new CentralConfig(DB.server().jdbcUrl(), DB.server().user(), "", BROKER.server().uri(),
                "resilience-it", 2, "127.0.0.1", 0, new CentralConfig.ApiTokens(Set.of(), Set.of()));
        central = Central.start(config, TestBatches.CLOCK);
        TestBatches.register(central.store(), "v2", "k1", "k2");
    }

    @AfterAll
    static void stopCentral() {
        if (central != null) {
            central.close();
        }
    }

    @Test
    void workersResubscribeAfterTheBrokerRestartsAndStoreTheNextBatch() throws Exception {
        BROKER.server().restart();
        await().atMost(WAIT).until(() -> central.workers().stream().allMatch(IngestWorker::isSubscribed));
        try (KioskSimulator kiosk = new KioskSimulator(BROKER.server().uri(), "after-restart")) {
            CheckInBatch batch = batches.batch("v2", "k1", 4);
            kiosk.publish(batch);
            await().atMost(WAIT).until(() -> kiosk.firstAck(batch.batchId()).isPresent());
            assertThat(kiosk.firstAck(batch.batchId()).orElseThrow().ack().inserted()).isEqualTo(4);
        }
    }

    @Test
    void holdsBatchesWhileTheDatabaseIsDownAndStoresThemWhenItReturns() throws Exception {
        try (KioskSimulator kiosk = new KioskSimulator(BROKER.server().uri(), "during-outage")) {
            DB.server().stop();
            CheckInBatch first = batches.batch("v2", "k2", 3);
            CheckInBatch second = batches.batch("v2", "k2", 3);
            kiosk.publish(first);
            kiosk.publish(second);
            await().atMost(WAIT).until(() -> central.ingestStats().storeRetries() > 0);
            assertThat(kiosk.acksFor(first.batchId())).isEmpty();

            DB.server().start();

            await().atMost(WAIT).until(() -> kiosk.firstAck(first.batchId()).isPresent()
                    && kiosk.firstAck(second.batchId()).isPresent());
            try (Connection c = DB.server().connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT id) FROM check_ins WHERE kiosk_id = 'k2'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(6);
                assertThat(rs.getInt(2)).isEqualTo(6);
            }
        }
    }
}
