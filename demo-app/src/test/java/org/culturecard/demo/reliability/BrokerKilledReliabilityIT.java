package org.culturecard.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 8b: the broker, with persistence off, is killed (SIGKILL) while batches are in flight,
 * so everything it held (queued batches, acks on their way back) is gone; the outbox still has it.
 */
@ExtendWith(PostgresExtension.class)
class BrokerKilledReliabilityIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = MosquittoExtension.with(Tuned.broker());

    @Test
    void batchesInFlightWhenTheBrokerDiesAreRepublishedAndStoredExactlyOnce(PostgresServer postgres, @TempDir Path dir)
            throws InterruptedException {
        MosquittoServer broker = BROKER.server();
        try (ReliabilityRig rig = ReliabilityRig.start(broker, postgres, dir, "broker_killed")) {
            rig.taps(4_000); // a backlog, so the agent is mid-stream when the broker dies
            try (MqttSyncAgent agent = rig.startAgent()) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                        .until(() -> rig.centralRowCount() > 0);
                broker.kill();
                long atKill = rig.centralRowCount();
                assertThat(atKill).as("the broker died in the middle of the backlog").isLessThan(rig.recordedCount());
                assertThat(rig.kioskBacklog()).isPositive();
                await().atMost(Duration.ofSeconds(10)).until(() -> !agent.status().connected());

                rig.taps(300); // and the kiosk keeps recording meanwhile
                Thread.sleep(500);
                broker.start();
                rig.assertCentralHoldsExactlyWhatTheKioskRecorded(Duration.ofSeconds(90));
            }
        }
    }
}
