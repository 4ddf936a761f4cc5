package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.EnrolmentBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.sync.outbox.SqliteEnrolments;
import org.culturecard.sync.outbox.SqliteOutbox;
import org.culturecard.sync.testing.Agents;
import org.culturecard.sync.testing.KioskDb;
import org.culturecard.testsupport.mqtt.MessageCallback;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrolments up: records the kiosk appended to its enrolment outbox, the real agent, a real
 * Mosquitto and a subscriber playing central's ingest (which acks like central: a {@link BatchAck}
 * for the batch on the kiosk's ack topic). A batch never acked goes out again from a restarted agent.
 */
class EnrolmentForwardIT {
    @RegisterExtension
    static final MosquittoExtension BROKER = new MosquittoExtension();
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WireCodec codec = new WireCodec();
    private final Map<UUID, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicInteger batchesToIgnore = new AtomicInteger();

    @Test
    void enrolmentsReachCentralAndAreDeliveredOnlyOnItsAckAndAnUnackedBatchGoesAgain(@TempDir Path dir)
            throws Exception {
        List<Enrolment> records = List.of(EnrolmentForwarderTest.enrolment(1), EnrolmentForwarderTest.enrolment(2),
                EnrolmentForwarderTest.enrolment(3));
        MqttClient central = central();
        try (KioskDb kiosk = KioskDb.create(dir); SqliteOutbox outbox = SqliteOutbox.open(kiosk.file());
                SqliteEnrolments enrolments = SqliteEnrolments.open(kiosk.file())) {
            append(kiosk.file(), records);
            batchesToIgnore.set(1);
            try (MqttSyncAgent agent = Agents.started(BROKER.server().uri(), kiosk, outbox)) {
                await().atMost(WAIT).until(() -> received.size() == 3);
                Thread.sleep(500);
                assertThat(enrolments.backlogCount()).as("not acked: still pending").isEqualTo(3);
            }
            try (MqttSyncAgent agent = Agents.started(BROKER.server().uri(), kiosk, outbox)) {
                await().atMost(WAIT).until(() -> enrolments.backlogCount() == 0);
            }
            assertThat(received).containsOnlyKeys(records.stream().map(Enrolment::id).toList());
            assertThat(received.values()).allSatisfy(count -> assertThat(count).hasValue(2));

            append(kiosk.file(), List.of(EnrolmentForwarderTest.enrolment(4)));
            try (MqttSyncAgent agent = Agents.started(BROKER.server().uri(), kiosk, outbox)) {
                await().atMost(WAIT).until(() -> enrolments.backlogCount() == 0);
            }
            assertThat(received.get(EnrolmentForwarderTest.enrolment(4).id())).as("sent once").hasValue(1);
            assertThat(received.get(records.get(0).id())).as("delivered records are not sent again").hasValue(2);
        } finally {
            central.disconnect();
            central.close();
        }
    }

    private MqttClient central() throws Exception {
        MqttClient client = new MqttClient(BROKER.server().uri(), "central-enrolments", new MemoryPersistence());
        client.connect();
        client.setCallback(new MessageCallback((topic, message) -> {
            EnrolmentBatch batch;
            try {
                batch = codec.decode(message.getPayload(), EnrolmentBatch.class);
            } catch (WireFormatException e) {
                throw new AssertionError("the agent sent an unreadable EnrolmentBatch", e);
            }
            int fresh = 0;
            for (Enrolment record : batch.records()) {
                fresh += received.computeIfAbsent(record.id(), id -> new AtomicInteger()).incrementAndGet() == 1 ? 1 : 0;
            }
            if (batchesToIgnore.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return;
            }
            BatchAck ack = BatchAck.of(batch.batchId(), batch.kioskId(), fresh, batch.records().size() - fresh,
                    java.time.Instant.now());
            new Thread(() -> {
                try {
                    client.publish(Topics.acks(batch.venueId(), batch.kioskId()), codec.encode(ack), 1, false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).start();
        }));
        client.subscribe(Topics.enrolments(KioskDb.VENUE, KioskDb.KIOSK), 1);
        return client;
    }

    private static void append(Path file, List<Enrolment> records) {
        try (org.culturecard.kioskdb.KioskDb db = org.culturecard.kioskdb.KioskDb.open(file,
                org.culturecard.kioskdb.KioskDb.Role.KIOSK)) {
            db.write("append enrolments", t -> {
                for (Enrolment record : records) {
                    t.enrolments().append(record);
                }
                return null;
            });
        }
    }
}
