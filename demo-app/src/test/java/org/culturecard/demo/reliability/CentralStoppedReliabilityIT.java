package org.culturecard.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.culturecard.sync.agent.MqttSyncAgent;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 8d: central is stopped, so batches reach the broker but no ack comes back. The agent
 * keeps the rows pending and republishes after its ack timeout; the backlog grows; once central is
 * back it drains, and the republished duplicates are absorbed by central's idempotent insert.
 */
@ExtendWith(PostgresExtension.class)
class CentralStoppedReliabilityIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = MosquittoExtension.with(Tuned.broker());

    @Test
    void withoutAcksTheBacklogGrowsThenDrainsWhenCentralReturns(PostgresServer postgres, @TempDir Path dir)
            throws InterruptedException {
        try (ReliabilityRig rig = ReliabilityRig.start(BROKER.server(), postgres, dir, "central_stopped");
                MqttSyncAgent agent = rig.startAgent()) {
            rig.taps(300);
            rig.assertCentralHoldsExactlyWhatTheKioskRecorded(Duration.ofSeconds(30));

            rig.stopCentral();
            List<Long> backlog = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                rig.taps(500);
                Thread.sleep(ReliabilityRig.ACK_TIMEOUT.toMillis() / 2 + 100); // spans republishes
                backlog.add(rig.kioskBacklog());
            }
            assertThat(backlog).as("the backlog grows while nobody acks").isSorted().doesNotHaveDuplicates();
            assertThat(backlog.get(backlog.size() - 1)).isEqualTo(2_000);
            await().atMost(Duration.ofSeconds(5)).until(() -> agent.status().backlog() == 2_000);
            assertThat(agent.status().connected()).as("the broker is fine; only central is missing").isTrue();
            assertThat(rig.centralRowCount()).isEqualTo(300);

            rig.startCentral();
            rig.assertCentralHoldsExactlyWhatTheKioskRecorded(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(5)).until(() -> agent.status().backlog() == 0);
        }
    }
}
