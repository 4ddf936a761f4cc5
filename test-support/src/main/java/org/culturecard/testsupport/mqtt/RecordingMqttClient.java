package org.culturecard.testsupport.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * A test's MQTT client: connects with Paho, subscribes at QoS 1 to the filters it is given, and
 * records every message that arrives, in order, for the test to read or await. It can also
 * publish; {@link #paho()} is there for anything else. Replaces the hand-written recording
 * callbacks tests used to carry.
 */
public final class RecordingMqttClient implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();
    private static final long TIME_TO_WAIT_MILLIS = 10_000;

    /** One message as it arrived. */
    public record Message(String topic, byte[] payload, boolean retained) {
        /** The payload as UTF-8 text. */
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttClient client;
    private final List<Message> received = new ArrayList<>();

    private RecordingMqttClient(MqttClient client) {
        this.client = client;
    }

    /** Connects to {@code uri} with a fresh client id and default options, and subscribes to {@code filters}. */
    public static RecordingMqttClient connect(String uri, String... filters) throws MqttException {
        return connect(uri, "recorder-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet(),
                new MqttConnectionOptions(), filters);
    }

    /** Connects as {@code clientId} with {@code options} (e.g. TLS), and subscribes to {@code filters}. */
    public static RecordingMqttClient connect(String uri, String clientId, MqttConnectionOptions options, String... filters)
            throws MqttException {
        MqttClient client = new MqttClient(uri, clientId, new MemoryPersistence());
        client.setTimeToWait(TIME_TO_WAIT_MILLIS);
        RecordingMqttClient recorder = new RecordingMqttClient(client);
        client.setCallback(new MessageCallback((topic, message) ->
                recorder.record(new Message(topic, message.getPayload(), message.isRetained()))));
        try {
            client.connect(options);
            for (String filter : filters) {
                client.subscribe(filter, 1);
            }
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return recorder;
    }

    /** Every message recorded so far, in arrival order. */
    public synchronized List<Message> messages() {
        return List.copyOf(received);
    }

    /** The messages recorded so far on exactly {@code topic}. */
    public synchronized List<Message> messages(String topic) {
        return received.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    /** Waits until at least {@code count} messages have arrived and returns them all; fails the test after {@code timeout}. */
    public synchronized List<Message> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (received.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " messages within " + timeout + ", got " + received.size());
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(received);
    }

    /** Publishes and waits for the broker's answer (QoS 1 or 2) or the send (QoS 0). */
    public void publish(String topic, byte[] payload, int qos, boolean retained) throws MqttException {
        client.publish(topic, payload, qos, retained);
    }

    /** The Paho client underneath, for what this class does not offer. */
    public MqttClient paho() {
        return client;
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }

    private synchronized void record(Message message) {
        received.add(message);
        notifyAll();
    }
}
