package org.culturecard.demo;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.WireCodec;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * An attacker's MQTT 5 client on the broker's TLS listener, holding some certificate (a kiosk's
 * own, or one from another CA) and claiming any client id: publishes what it likes at QoS 1 and
 * keeps every {@link BatchAck} that reaches the topics it may read.
 */
final class CertificateClient implements AutoCloseable {
    private static final WireCodec CODEC = new WireCodec();
    private static final long TIMEOUT_MILLIS = 30_000;
    /** Publishes in flight at most: below Mosquitto's receive maximum, and no 40 ms delayed-ACK stall per message. */
    private static final int WINDOW = 16;

    private final MqttAsyncClient client;
    private final List<BatchAck> acks = new CopyOnWriteArrayList<>();

    private CertificateClient(String uri, String clientId, SSLSocketFactory tls) throws MqttException {
        client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(tls);
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        try {
            client.connect(options).waitForCompletion(TIMEOUT_MILLIS);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
    }

    /** Connects, or throws what the broker (or the TLS handshake) answered. */
    static CertificateClient connect(String uri, String clientId, SSLSocketFactory tls) throws MqttException {
        return new CertificateClient(uri, clientId, tls);
    }

    /** Keeps the acks published on {@code topic} (the broker's ACL decides whether any arrive). */
    CertificateClient listenForAcks(String topic) throws MqttException {
        IMqttMessageListener keep = (t, m) -> acks.add(CODEC.decode(m.getPayload(), BatchAck.class));
        client.subscribe(new MqttSubscription[] {new MqttSubscription(topic, 1)}, null, null,
                new IMqttMessageListener[] {keep}, null).waitForCompletion(TIMEOUT_MILLIS);
        return this;
    }

    /** Publishes at QoS 1 and waits for the broker's PUBACK; throws if the broker refused it. */
    void publish(String topic, byte[] payload) throws MqttException {
        publish(topic, payload, 1);
    }

    /** Publishes {@code payload} {@code times} times at QoS 1, a window at a time, and waits for every PUBACK. */
    void publish(String topic, byte[] payload, int times) throws MqttException {
        Deque<IMqttToken> inFlight = new ArrayDeque<>();
        for (int i = 0; i < times; i++) {
            if (inFlight.size() == WINDOW) {
                awaitAccepted(inFlight.removeFirst());
            }
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            inFlight.addLast(publishWhenThereIsRoom(topic, message, inFlight));
        }
        while (!inFlight.isEmpty()) {
            awaitAccepted(inFlight.removeFirst());
        }
    }

    /**
     * Paho counts a publish in flight a moment after its token completes, so a full window can
     * still be refused with "too many publishes in progress": then wait for the oldest and retry.
     */
    private IMqttToken publishWhenThereIsRoom(String topic, MqttMessage message, Deque<IMqttToken> inFlight)
            throws MqttException {
        while (true) {
            try {
                return client.publish(topic, message);
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                if (inFlight.isEmpty()) {
                    Thread.onSpinWait();
                } else {
                    awaitAccepted(inFlight.removeFirst());
                }
            }
        }
    }

    /** Waits for the PUBACK; Paho reports a refusal only in its reason code (e.g. 0x87, not authorized), so throw it. */
    private static void awaitAccepted(IMqttToken token) throws MqttException {
        token.waitForCompletion(TIMEOUT_MILLIS);
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
            throw new MqttException(codes[0]);
        }
    }

    /** Every ack received so far. */
    List<BatchAck> acks() {
        return List.copyOf(acks);
    }

    /** The acks received so far for {@code batchId}. */
    List<BatchAck> acksFor(UUID batchId) {
        return acks.stream().filter(a -> a.batchId().equals(batchId)).toList();
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(TIMEOUT_MILLIS);
            }
        } finally {
            client.close(true);
        }
    }
}
