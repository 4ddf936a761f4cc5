package org.culturecard.demo.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.postgres.PostgresExtension;
import org.culturecard.testsupport.postgres.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scenario 8c: the sync agent, in its own process, is killed with SIGKILL 20 times at random moments
 * while the kiosk keeps recording and the agent publishes; it is restarted each time and finally left
 * to drain. Whatever it had marked as sent but not acked, half-written SQLite transactions, batches
 * the broker had queued: none of it may lose or duplicate a check-in.
 */
@ExtendWith(PostgresExtension.class)
class AgentKilledReliabilityIT {
    private static final Logger LOG = LoggerFactory.getLogger(AgentKilledReliabilityIT.class);
    private static final int KILLS = 20;

    private static long connects(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(line -> line.contains("connected to")).count() : 0;
    }

    @RegisterExtension
    static final MosquittoExtension BROKER = MosquittoExtension.with(Tuned.broker());

    @Test
    void twentySigkillsWhilePublishingLoseAndDuplicateNothing(PostgresServer postgres, @TempDir Path dir)
            throws Exception {
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        LOG.info("kill moments drawn with seed {}", seed);
        try (ReliabilityRig rig = ReliabilityRig.start(BROKER.server(), postgres, dir, "agent_killed")) {
            Path config = AgentProcess.writeConfig(rig.agentConfig(), dir);
            Path log = dir.resolve("agent.log");
            rig.taps(3_000);

            AtomicBoolean tapping = new AtomicBoolean(true);
            AtomicReference<Throwable> tapFailure = new AtomicReference<>();
            Thread tapper = new Thread(() -> {
                try {
                    while (tapping.get()) {
                        rig.tap();
                        Thread.sleep(4);
                    }
                } catch (Throwable e) {
                    tapFailure.set(e);
                }
            }, "kiosk-taps");
            tapper.start();

            try {
                for (int kill = 1; kill <= KILLS; kill++) {
                    int life = kill;
                    AgentProcess agent = AgentProcess.start(config, log);
                    try {
                        // Each life is killed while it publishes: after it connected (and so released and
                        // began republishing everything unacked), at a random moment in the next 1.5 s.
                        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                                .until(() -> connects(log) >= life);
                        Thread.sleep(random.nextInt(1_500));
                        assertThat(agent.isAlive()).as("agent life " + kill + " (see " + log + ")").isTrue();
                    } finally {
                        agent.kill();
                    }
                }
            } finally {
                tapping.set(false);
                tapper.join();
            }
            assertThat(tapFailure.get()).isNull();
            LOG.info("{} SIGKILLs done; {} check-ins recorded, {} stored so far", KILLS, rig.recordedCount(),
                    rig.centralRowCount());
            assertThat(rig.kioskBacklog()).as("work was left for the last life").isPositive();

            try (AgentProcess last = AgentProcess.start(config, log)) {
                rig.assertCentralHoldsExactlyWhatTheKioskRecorded(Duration.ofSeconds(90));
            }
            assertThat(Files.readString(log)).contains("sync agent starting");
        }
    }
}
