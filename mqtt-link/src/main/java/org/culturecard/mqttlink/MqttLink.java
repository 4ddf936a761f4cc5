package org.culturecard.mqttlink;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT 5 connection that keeps itself up: connects in the background with exponential backoff
 * and jitter (Paho does not retry a failed first connect), re-subscribes after every reconnect, and
 * hands each message's topic and payload to a handler on Paho's callback thread. Handlers must not
 * publish through this same link from that thread (Paho's callback queue and in-flight window can
 * deadlock, see central's IngestWorker); publishing from other threads is fine. Central's fleet
 * listener and config publisher each hold one.
 */
public final class MqttLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttLink.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BrokerEndpoint broker;
    private final String clientId;
    private final Map<String, Integer> subscriptions;
    private final BiConsumer<String, byte[]> handler;
    private final Reconnector reconnector;
    private final Generation generation = new Generation();
    private volatile MqttAsyncClient client;

    public MqttLink(BrokerEndpoint broker, String clientId, Map<String, Integer> subscriptions,
            BiConsumer<String, byte[]> handler) {
        this.broker = broker;
        this.clientId = clientId;
        this.subscriptions = Map.copyOf(subscriptions);
        this.handler = handler;
        this.reconnector = new Reconnector(clientId, this::connect);
    }

    public MqttLink start() {
        reconnector.start();
        return this;
    }

    /** True while connected (and subscribed, if it subscribes). */
    public boolean isConnected() {
        MqttAsyncClient current = client;
        return current != null && current.isConnected();
    }

    /** Waits up to {@code timeout} for the connection. */
    public boolean awaitConnected(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isConnected()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Publishes and waits for the broker's PUBACK; false when not connected or it failed. */
    public boolean publish(String topic, byte[] payload, int qos, boolean retained) {
        MqttAsyncClient current = client;
        if (current == null || !current.isConnected()) {
            return false;
        }
        try {
            current.publish(topic, payload, qos, retained).waitForCompletion(TIMEOUT.toMillis());
            return true;
        } catch (MqttException e) {
            LOG.warn("{}: publish on {} failed: {}", clientId, topic, e.getMessage());
            return false;
        }
    }

    private void connect() throws MqttException {
        MqttAsyncClient candidate = null;
        try {
            candidate = PahoClients.inMemory().create(broker.uri(), clientId);
            MqttAsyncClient owner = candidate;
            candidate.setCallback(new LinkCallback(clientId, generation.guard(generation.next(), new LinkCallback.Listener() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    deliver(topic, message);
                }

                @Override
                public void connectionLost(MqttException cause) {
                    disconnected(owner, cause);
                }
            })));
            MqttConnectionOptions options = broker.options();
            options.setCleanStart(true);
            options.setAutomaticReconnect(false);
            options.setConnectionTimeout((int) TIMEOUT.toSeconds());
            candidate.connect(options).waitForCompletion(TIMEOUT.toMillis());
            for (Map.Entry<String, Integer> subscription : subscriptions.entrySet()) {
                candidate.subscribe(subscription.getKey(), subscription.getValue()).waitForCompletion(TIMEOUT.toMillis());
            }
            client = candidate;
            LOG.info("{} connected to {}{}", clientId, broker, subscriptions.isEmpty() ? "" : ", subscribed to " + subscriptions.keySet());
        } catch (MqttException | RuntimeException e) {
            generation.retire();
            Reconnector.discard(candidate, clientId);
            throw e;
        }
    }

    @Override
    public void close() {
        reconnector.close();
        generation.retire();
        Reconnector.discard(client, clientId);
        client = null;
    }

    /** Hands a message to the handler on Paho's callback thread; a failing handler never kills that thread. */
    private void deliver(String topic, MqttMessage message) {
        try {
            handler.accept(topic, message.getPayload());
        } catch (RuntimeException e) {
            LOG.error("{}: handling a message on {} failed", clientId, topic, e);
        }
    }

    private void disconnected(MqttAsyncClient owner, MqttException cause) {
        if (!reconnector.isClosed()) {
            generation.retire();
            reconnector.execute(() -> Reconnector.discard(owner, clientId));
            reconnector.connectionLost("disconnected: " + MqttErrors.describe(cause));
        }
    }
}
