package org.culturecard.sync.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.testsupport.mqtt.MessageCallback;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * Plays central in the agent's tests: takes batches from the shared subscription (client-wide
 * callback: per-subscription listeners never fire for {@code $share}), "stores" each record and
 * answers every batch with a {@link BatchAck}, unless told to ignore the next few batches.
 */
public final class TestCentral implements AutoCloseable {
    private final WireCodec codec = new WireCodec();
    private final ExecutorService acker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-central-acker");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, AtomicInteger> receivedById = new ConcurrentHashMap<>();
    private final Set<UUID> stored = ConcurrentHashMap.newKeySet();
    private final List<CheckInBatch> batches = new CopyOnWriteArrayList<>();
    private final AtomicInteger ignoreNext = new AtomicInteger();
    private final AtomicInteger acksSent = new AtomicInteger();
    private final MqttAsyncClient client;

    private TestCentral(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects to {@code brokerUri} and subscribes; returns once subscribed. */
    public static TestCentral connect(String brokerUri) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUri, "test-central-" + UUID.randomUUID(), new MemoryPersistence());
        TestCentral central = new TestCentral(client);
        client.setCallback(new MessageCallback(central::messageArrived));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(false);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(new MqttSubscription[] {new MqttSubscription(Topics.SHARED_CHECKINS, 1)}).waitForCompletion(10_000);
        return central;
    }

    /** Makes central drop (not ack) the next {@code count} batches, as if it crashed before its commit. */
    public void ignoreNextBatches(int count) {
        ignoreNext.set(count);
    }

    public List<CheckInBatch> batches() {
        return List.copyOf(batches);
    }

    /** Distinct check-ins stored (acked). */
    public Set<UUID> stored() {
        return Set.copyOf(stored);
    }

    /** How many times each check-in id arrived, acked or not. */
    public int timesReceived(UUID checkInId) {
        AtomicInteger n = receivedById.get(checkInId);
        return n == null ? 0 : n.get();
    }

    public int acksSent() {
        return acksSent.get();
    }

    private void onBatch(byte[] payload) throws Exception {
        CheckInBatch batch = codec.decode(payload, CheckInBatch.class);
        batches.add(batch);
        for (CheckIn record : batch.records()) {
            receivedById.computeIfAbsent(record.id(), id -> new AtomicInteger()).incrementAndGet();
        }
        if (ignoreNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return;
        }
        int inserted = 0;
        for (CheckIn record : batch.records()) {
            if (stored.add(record.id())) {
                inserted++;
            }
        }
        BatchAck ack = BatchAck.of(batch.batchId(), batch.kioskId(), inserted, batch.records().size() - inserted, Instant.now());
        MqttMessage message = new MqttMessage(codec.encode(ack));
        message.setQos(1);
        client.publish(Topics.acks(batch.venueId(), batch.kioskId()), message).waitForCompletion(10_000);
        acksSent.incrementAndGet();
    }

    @Override
    public synchronized void close() throws MqttException {
        if (acker.isShutdown()) {
            return;
        }
        acker.shutdownNow();
        try {
            acker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (client.isConnected()) {
                client.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            // the broker may be gone already
        }
        client.close(true);
    }

    private void messageArrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        acker.execute(() -> {
            try {
                onBatch(payload);
            } catch (Exception e) {
                System.err.println("test central failed on a batch: " + e);
            }
        });
    }
}
