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
 * Scenario 8e: the broker is frozen with SIGSTOP, so its TCP connections stay open but nothing is
 * answered (a half-open link, as behind a dead NAT). Only the keepalive can tell: the agent must
 * notice within twice its keepalive, and reconnect and drain once the broker is thawed (SIGCONT).
 */
@ExtendWith(PostgresExtension.class)
class BrokerFrozenReliabilityIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = MosquittoExtension.with(Tuned.broker());

    @Test
    void aHalfOpenConnectionIsNoticedWithinTwoKeepalivesAndRecoveredAfterTheThaw(PostgresServer postgres,
            @TempDir Path dir) throws InterruptedException {
        MosquittoServer broker = BROKER.server();
        Duration twoKeepalives = Duration.ofSeconds(2L * ReliabilityRig.KEEPALIVE_SECONDS);
        try (ReliabilityRig rig = ReliabilityRig.start(broker, postgres, dir, "broker_frozen");
                MqttSyncAgent agent = rig.startAgent()) {
            rig.taps(300);
            rig.assertCentralHoldsExactlyWhatTheKioskRecorded(Duration.ofSeconds(30));
            assertThat(agent.status().connected()).isTrue();

            long frozenAt = System.nanoTime();
            broker.freeze();
            try {
                rig.taps(200); // published into the void: no PUBACK, no ack
                await().atMost(twoKeepalives.plusSeconds(5)).pollInterval(Duration.ofMillis(20))
                        .until(() -> !agent.status().connected());
                Duration noticed = Duration.ofNanos(System.nanoTime() - frozenAt);
                assertThat(noticed).as("time to notice the frozen broker").isLessThanOrEqualTo(twoKeepalives);
                Thread.sleep(1_000); // reconnect attempts against the frozen broker must not wedge the agent
                assertThat(rig.centralRowCount()).isEqualTo(300);
            } finally {
                broker.thaw();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.status().connected());
            rig.assertCentralHoldsExactlyWhatTheKioskRecorded(Duration.ofSeconds(60));
        }
    }
}
