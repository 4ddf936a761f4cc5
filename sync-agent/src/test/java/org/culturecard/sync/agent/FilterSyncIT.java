package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.culturecard.sync.agent.FilterChunksForTests.chunks;
import static org.culturecard.sync.agent.FilterChunksForTests.filter;
import static org.culturecard.sync.agent.FilterChunksForTests.token;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.culturecard.core.wire.FilterChunk;
import org.culturecard.core.wire.FilterScope;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.kioskdb.EnrolledFilterFile;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.testing.Agents;
import org.culturecard.sync.testing.KioskDb;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The enrolled-card filter down: retained chunks on a real Mosquitto, the real agent, the kiosk's filter file. */
class FilterSyncIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int MOST_CHUNKS = 4;

    private final WireCodec codec = new WireCodec();

    @Test
    void retainedChunksPublishedBeforeTheAgentStartsAreStoredAndAShrinkIsTaken(@TempDir Path dir) throws Exception {
        MqttClient central = central("central-filter");
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file())) {
            EnrolledFilterFile file = EnrolledFilterFile.beside(kiosk.file());
            publish(central, chunks(filter(1, 200), 1, 4));
            try (MqttSyncAgent agent = agent(kiosk, outbox)) {
                await().atMost(WAIT).until(() -> file.generation() == 1);
                assertThat(file.read().orElseThrow().filter().mayContain(token(1, 199))).isTrue();

                // Central shrinks the filter: two chunks of generation 2, then clears chunks 2 and 3.
                publish(central, chunks(filter(2, 100), 2, 2));
                clear(central, 2, 3);
                await().atMost(WAIT).until(() -> file.generation() == 2);
                assertThat(file.read().orElseThrow().filter().mayContain(token(2, 99))).isTrue();
                assertThat(file.read().orElseThrow().filter().size()).isEqualTo(100);
            }
            // A restarted agent (generation 2 stored, its chunks retained) takes the next generation.
            try (MqttSyncAgent agent = agent(kiosk, outbox)) {
                publish(central, chunks(filter(3, 10), 3, 1));
                await().atMost(WAIT).until(() -> file.generation() == 3);
                assertThat(file.read().orElseThrow().filter().mayContain(token(3, 9))).isTrue();
            }
        } finally {
            clear(central, 0, 1, 2, 3);
            central.disconnect();
            central.close();
        }
    }

    @Test
    void aPartialSetKeepsTheFilterTheKioskHas(@TempDir Path dir) throws Exception {
        MqttClient central = central("central-partial");
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file());
                MqttSyncAgent agent = agent(kiosk, outbox)) {
            EnrolledFilterFile file = EnrolledFilterFile.beside(kiosk.file());
            publish(central, chunks(filter(1, 50), 5, 2));
            await().atMost(WAIT).until(() -> file.generation() == 5);

            publish(central, chunks(filter(2, 50), 6, 3).subList(0, 2)); // chunk 2 never comes
            Thread.sleep(1_000);
            assertThat(file.generation()).isEqualTo(5);
            assertThat(file.read().orElseThrow().filter().mayContain(token(1, 0))).isTrue();
        } finally {
            clear(central, 0, 1, 2, 3);
            central.disconnect();
            central.close();
        }
    }

    private MqttSyncAgent agent(KioskDb kiosk, SqliteOutbox outbox) {
        return Agents.started(BROKER.server().uri(), kiosk, outbox);
    }

    private static MqttClient central(String id) throws Exception {
        MqttClient client = new MqttClient(BROKER.server().uri(), id, new MemoryPersistence());
        client.connect();
        return client;
    }

    private void publish(MqttClient central, List<FilterChunk> chunks) throws Exception {
        assertThat(chunks.size()).isLessThanOrEqualTo(MOST_CHUNKS);
        for (FilterChunk chunk : chunks) {
            central.publish(Topics.filterChunk(chunk), codec.encode(chunk), 1, true);
        }
    }

    private static void clear(MqttClient central, int... indexes) throws Exception {
        for (int index : indexes) {
            central.publish(Topics.filterChunk(FilterScope.SCHEME, index), new byte[0], 1, true);
        }
    }
}
