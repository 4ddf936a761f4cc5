package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.UuidV7;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.KioskStatus;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.sync.config.SyncConfig;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.testing.KioskDb;
import org.culturecard.sync.testing.LogCapture;
import org.culturecard.sync.testing.TestCentral;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The agent against a real Mosquitto, with a small test central that acks each batch after "storing" it. */
class MqttSyncAgentIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private KioskDb kiosk;
    private SqliteOutbox outbox;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<BatchDelivered> deliveries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createKioskStore() throws Exception {
        kiosk = KioskDb.create(dir);
        outbox = SqliteOutbox.open(kiosk.file());
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        outbox.close();
        kiosk.close();
    }

    @Test
    void drains250CheckInsAndMarksEachDeliveredExactlyOnce() throws Exception {
        TestCentral central = central(BROKER.server().uri());
        List<CheckIn> recorded = kiosk.record(250, Instant.now());

        MqttSyncAgent agent = agent(config(BROKER.server().uri()));

        await().atMost(WAIT).until(() -> kiosk.deliveredCount() == 250);
        assertThat(central.stored()).containsExactlyInAnyOrderElementsOf(recorded.stream().map(CheckIn::id).toList());
        assertThat(deliveries.stream().mapToInt(BatchDelivered::checkIns).sum()).isEqualTo(250);
        assertThat(central.batches()).allSatisfy(batch -> {
            assertThat(batch.records()).hasSizeLessThanOrEqualTo(CheckInBatch.MAX_RECORDS);
            assertThat(batch.records()).extracting(CheckIn::seq).isSorted();
        });
        await().atMost(WAIT).untilAsserted(() -> {
            SyncStatus status = agent.status();
            assertThat(status.connected()).isTrue();
            assertThat(status.backlog()).isZero();
            assertThat(status.lastSyncAt()).isNotNull();
        });
    }

    @Test
    void aNewRowIsForwardedAtOnceNotAtThePollInterval() throws Exception {
        TestCentral central = central(BROKER.server().uri());
        Duration safetyNet = Duration.ofSeconds(30);
        MqttSyncAgent agent = agent(config(BROKER.server().uri()).with(b -> b.pollInterval(safetyNet)));
        await().atMost(WAIT).until(() -> agent.status().connected());

        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            CheckIn tap = kiosk.record(1, Instant.now()).get(0); // another connection, as the kiosk's process
            await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> central.timesReceived(tap.id()) == 1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("tap %d reached central", i)
                    .isLessThan(Duration.ofSeconds(2));
        }
        await().atMost(WAIT).until(() -> kiosk.deliveredCount() == 5);
    }

    @Test
    void republishesAnUnackedBatchAfterTheAckTimeout() throws Exception {
        TestCentral central = central(BROKER.server().uri());
        central.ignoreNextBatches(1);
        List<CheckIn> recorded = kiosk.record(10, Instant.now());

        agent(config(BROKER.server().uri()).with(b -> b.ackTimeout(Duration.ofSeconds(2))));

        await().atMost(WAIT).until(() -> kiosk.deliveredCount() == 10);
        assertThat(central.batches()).hasSize(2);
        assertThat(central.batches().get(0).batchId()).isNotEqualTo(central.batches().get(1).batchId());
        assertThat(recorded).allSatisfy(c -> assertThat(central.timesReceived(c.id())).isEqualTo(2));
        assertThat(deliveries.stream().mapToInt(BatchDelivered::checkIns).sum()).isEqualTo(10);
    }

    @Test
    void drainsTheBacklogAfterTheBrokerRestarts() throws Exception {
        MosquittoServer broker = BROKER.server();
        TestCentral central = central(broker.uri());
        kiosk.record(50, Instant.now());
        // Central may resubscribe after the agent is back: the first batch then reaches nobody and goes again after 2 s.
        MqttSyncAgent agent = agent(config(broker.uri()).with(b -> b.backoff(Duration.ofMillis(100),
                Duration.ofSeconds(1)).ackTimeout(Duration.ofSeconds(2))));
        await().atMost(WAIT).until(() -> kiosk.deliveredCount() == 50);

        broker.stop();
        central.close();
        await().atMost(WAIT).until(() -> !agent.status().connected());
        kiosk.record(300, Instant.now());
        broker.start();
        central(broker.uri());

        await().atMost(WAIT).until(() -> kiosk.deliveredCount() == 350);
        await().atMost(WAIT).until(() -> agent.status().connected() && agent.status().backlog() == 0);
    }

    @Test
    void retriesAFailedFirstConnectUntilTheBrokerStarts() throws Exception {
        try (MosquittoServer late = MosquittoServer.create()) {
            kiosk.record(20, Instant.now());
            MqttSyncAgent agent = agent(config(late.uri()).with(b -> b.backoff(Duration.ofMillis(50),
                    Duration.ofMillis(200)).ackTimeout(Duration.ofSeconds(2))));
            await().atMost(WAIT).until(() -> agent.status().failedAttempts() >= 3);
            assertThat(agent.status().connected()).isFalse();
            assertThat(agent.status().problem()).contains("cannot connect");

            late.start();
            TestCentral central = TestCentral.connect(late.uri());
            try {
                await().atMost(WAIT).until(() -> kiosk.deliveredCount() == 20);
                assertThat(agent.status().failedAttempts()).isZero();
            } finally {
                central.close();
                agent.close();
            }
        }
    }

    @Test
    void keepsTheThreadCountStableAcross50FailedConnects() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int beforeAgent = threads.getThreadCount();
        String nobody = "tcp://127.0.0.1:" + org.culturecard.testsupport.server.LocalProcesses.freeLoopbackPort();
        MqttSyncAgent agent = new MqttSyncAgent(config(nobody).with(b -> b.backoff(Duration.ofMillis(5), Duration.ofMillis(10))),
                outbox, Clock.systemUTC(), ids());
        agent.start();
        await().atMost(WAIT).until(() -> agent.status().failedAttempts() >= 5);
        int warm = threads.getThreadCount();

        await().atMost(WAIT).until(() -> agent.status().failedAttempts() >= 55);
        int after50 = threads.getThreadCount();
        agent.close();

        assertThat(after50).as("threads after 50 more failed connects (warm: %d)", warm).isLessThanOrEqualTo(warm + 3);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(threads.getThreadCount()).as("threads after close").isLessThanOrEqualTo(beforeAgent + 2));
    }

    @Test
    void respectsTheBrokersReceiveMaximumWithoutTooManyPublishesErrors() throws Exception {
        try (MosquittoServer strict = MosquittoServer.builder().maxInflightMessages(20).build().start();
                LogCapture log = new LogCapture(MqttSyncAgent.class)) {
            TestCentral central = central(strict.uri());
            kiosk.record(1000, Instant.now());

            agent(config(strict.uri()).with(b -> b.batchLimits(5, CheckInBatch.MAX_BYTES)));

            await().atMost(WAIT).until(() -> kiosk.deliveredCount() == 1000);
            assertThat(central.batches()).hasSizeGreaterThanOrEqualTo(200);
            assertThat(central.stored()).hasSize(1000);
            assertThat(log.messages(Level.INFO)).anyMatch(m -> m.contains("broker receive maximum 20"));
            assertThat(log.messages(Level.WARN)).isEmpty();
            closeAll();
        }
    }

    @Test
    void publishesARetainedBirthAndOfflineOnClose() throws Exception {
        MqttSyncAgent agent = agent(config(BROKER.server().uri()));
        await().atMost(WAIT).until(() -> agent.status().connected());
        WireCodec codec = new WireCodec();

        KioskStatus birth = codec.decode(retainedStatus(), KioskStatus.class);
        assertThat(birth.state()).isEqualTo(KioskStatus.ONLINE);
        assertThat(birth.kioskId()).isEqualTo(KioskDb.KIOSK);
        assertThat(birth.freeDiskBytes()).isPositive();
        assertThat(birth.versions()).containsKey("sync-agent");

        agent.close();
        assertThat(codec.decode(retainedStatus(), KioskStatus.class).state()).isEqualTo(KioskStatus.OFFLINE);
    }

    @Test
    void reportsAnAuthorisationRefusalAndDoesNotRetryInATightLoop() throws Exception {
        try (MosquittoServer locked = MosquittoServer.builder().allowAnonymous(false).build().start();
                LogCapture log = new LogCapture(MqttSyncAgent.class)) {
            MqttSyncAgent agent = agent(config(locked.uri()).with(b -> b.backoff(Duration.ofMillis(20), Duration.ofSeconds(60))));

            await().atMost(WAIT).until(() -> agent.status().problem() != null);
            Thread.sleep(1500);

            assertThat(agent.status().problem()).contains("refused").containsAnyOf("0x86", "0x87");
            assertThat(agent.status().failedAttempts()).isEqualTo(1);
            assertThat(log.messages(Level.ERROR)).anyMatch(m -> m.contains("retrying in PT1M"));
            closeAll();
        }
    }

    @Test
    void noticesAFrozenBrokerWithinTwiceTheKeepAliveAndRecoversWhenItThaws() throws Exception {
        MosquittoServer broker = BROKER.server();
        TestCentral central = central(broker.uri());
        kiosk.record(5, Instant.now());
        MqttSyncAgent agent = agent(config(broker.uri()).with(b -> b.keepAliveSeconds(2).ackTimeout(Duration.ofSeconds(3))
                .backoff(Duration.ofMillis(200), Duration.ofSeconds(1))));
        await().atMost(WAIT).until(() -> kiosk.deliveredCount() == 5);

        broker.freeze();
        long frozenAt = System.nanoTime();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> !agent.status().connected());
            assertThat(Duration.ofNanos(System.nanoTime() - frozenAt)).isLessThanOrEqualTo(Duration.ofSeconds(5));
            kiosk.record(20, Instant.now());
        } finally {
            broker.thaw();
        }
        central.close();
        central(broker.uri());

        await().atMost(WAIT).until(() -> kiosk.deliveredCount() == 25);
    }

    @Test
    void parksAnUnreadableOutboxRowAndDeliversTheRest() throws Exception {
        TestCentral central = central(BROKER.server().uri());
        kiosk.record(3, Instant.now());
        kiosk.recordRaw("{not a check-in", Instant.now());
        kiosk.record(3, Instant.now());
        try (LogCapture log = new LogCapture(MqttSyncAgent.class)) {
            agent(config(BROKER.server().uri()));

            await().atMost(WAIT).until(() -> kiosk.deliveredCount() == 6);
            assertThat(central.stored()).hasSize(6);
            assertThat(kiosk.pendingCount()).isEqualTo(1);
            assertThat(log.messages(Level.ERROR)).anyMatch(m -> m.contains("seq 4 is not a readable check-in"));
        }
    }

    private byte[] retainedStatus() throws Exception {
        MqttClient probe = new MqttClient(BROKER.server().uri(), "probe-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            probe.connect();
            List<byte[]> got = new CopyOnWriteArrayList<>();
            probe.subscribe(new org.eclipse.paho.mqttv5.common.MqttSubscription[] {
                    new org.eclipse.paho.mqttv5.common.MqttSubscription(Topics.status(KioskDb.VENUE, KioskDb.KIOSK), 1)},
                    new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) -> got.add(message.getPayload())});
            await().atMost(Duration.ofSeconds(10)).until(() -> !got.isEmpty());
            return got.get(got.size() - 1);
        } finally {
            probe.disconnect();
            probe.close();
        }
    }

    private SyncConfig config(String brokerUri) {
        return SyncConfig.builder(URI.create(brokerUri), KioskDb.KIOSK, KioskDb.VENUE, kiosk.file())
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(2)).build();
    }

    private MqttSyncAgent agent(SyncConfig config) {
        MqttSyncAgent agent = new MqttSyncAgent(config, outbox, Clock.systemUTC(), ids());
        agent.addDeliveryListener(deliveries::add);
        toClose.add(agent);
        agent.start();
        return agent;
    }

    private TestCentral central(String uri) throws Exception {
        TestCentral central = TestCentral.connect(uri);
        toClose.add(central);
        return central;
    }

    private void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        toClose.clear();
    }

    private static UuidV7 ids() {
        return new UuidV7(Clock.systemUTC(), new Random(1));
    }
}
