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

/** Scenario 8a: the broker is stopped while 5,000 taps are recorded, then started again. */
@ExtendWith(PostgresExtension.class)
class BrokerStoppedReliabilityIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = MosquittoExtension.with(Tuned.broker());

    @Test
    void everyTapRecordedWhileTheBrokerWasDownReachesCentralExactlyOnce(PostgresServer postgres, @TempDir Path dir) {
        MosquittoServer broker = BROKER.server();
        try (ReliabilityRig rig = ReliabilityRig.start(broker, postgres, dir, "broker_stopped");
                MqttSyncAgent agent = rig.startAgent()) {
            await().atMost(Duration.ofSeconds(15)).until(() -> agent.status().connected());
            rig.taps(200); // some go out before the broker stops

            broker.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> !agent.status().connected());
            rig.taps(5_000);
            long delivered = rig.centralRowCount();
            assertThat(delivered).as("nothing can reach central without a broker").isLessThan(rig.recordedCount());
            await().atMost(Duration.ofSeconds(5)).until(() -> agent.status().backlog() >= 5_000);

            broker.start();
            rig.assertCentralHoldsExactlyWhatTheKioskRecorded(Duration.ofSeconds(90));
            await().atMost(Duration.ofSeconds(5)).until(() -> agent.status().connected() && agent.status().backlog() == 0);
        }
    }
}
