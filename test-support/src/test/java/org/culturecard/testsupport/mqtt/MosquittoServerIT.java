package org.culturecard.testsupport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MosquittoExtension.class)
class MosquittoServerIT {

    @Test
    void deliversAQos1MessageFromPublisherToSubscriber(MosquittoServer broker) throws Exception {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
        MqttClient subscriber = connect(broker, "sub", received);
        MqttClient publisher = connect(broker, "pub", null);
        try {
            subscriber.subscribe("t/+/x", 1);
            publisher.publish("t/a/x", "hello".getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("t/a/x=hello");
        } finally {
            closeQuietly(subscriber);
            closeQuietly(publisher);
        }
    }

    @Test
    void writesTheConfiguredLimitsIntoItsConfig(MosquittoServer broker) throws Exception {
        assertThat(Files.readAllLines(broker.configFile()))
                .contains("max_inflight_messages 100", "max_queued_messages 100000", "allow_anonymous true",
                        "listener " + broker.port() + " 127.0.0.1");
        assertThat(broker.uri()).isEqualTo("tcp://127.0.0.1:" + broker.port());
    }

    @Test
    void restartKeepsThePortAndKeepsAPersistentSessionsQueue() throws Exception {
        try (MosquittoServer broker = MosquittoServer.builder().persistence(true).build().start()) {
            int port = broker.port();
            BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
            MqttClient subscriber = durableSubscriber(broker, received);
            subscriber.subscribe("q/1", 1);
            subscriber.disconnect();
            subscriber.close();
            MqttClient publisher = connect(broker, "pub", null);
            publisher.publish("q/1", "kept".getBytes(StandardCharsets.UTF_8), 1, false);
            closeQuietly(publisher);

            broker.restart();

            assertThat(broker.port()).isEqualTo(port);
            assertThat(broker.isRunning()).isTrue();
            MqttClient again = durableSubscriber(broker, received);
            try {
                assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("q/1=kept");
            } finally {
                closeQuietly(again);
            }
        }
    }

    @Test
    void killAndFreezeMakeTheBrokerUnreachableUntilRestartOrThaw() throws Exception {
        try (MosquittoServer broker = MosquittoServer.create().start()) {
            broker.freeze();
            assertThatThrownBy(() -> connect(broker, "frozen", null, 1)).isInstanceOf(MqttException.class);
            broker.thaw();
            closeQuietly(connect(broker, "thawed", null));

            broker.kill();
            assertThat(broker.isRunning()).isFalse();
            assertThatThrownBy(() -> connect(broker, "dead", null, 1)).isInstanceOf(MqttException.class);
            broker.start();
            closeQuietly(connect(broker, "alive", null));
        }
    }

    private static MqttClient durableSubscriber(MosquittoServer broker, BlockingQueue<String> received) throws MqttException {
        MqttClient client = new MqttClient(broker.uri(), "durable", new MemoryPersistence());
        client.setCallback(collector(received));
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(3600L);
        client.connect(options);
        return client;
    }

    private static MqttClient connect(MosquittoServer broker, String id, BlockingQueue<String> received) throws MqttException {
        return connect(broker, id, received, 5);
    }

    private static MqttClient connect(MosquittoServer broker, String id, BlockingQueue<String> received, int timeoutSeconds)
            throws MqttException {
        MqttClient client = new MqttClient(broker.uri(), id, new MemoryPersistence());
        if (received != null) {
            client.setCallback(collector(received));
        }
        client.setTimeToWait(timeoutSeconds * 1000L);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setConnectionTimeout(timeoutSeconds);
        try {
            client.connect(options);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    private static void closeQuietly(MqttClient client) {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (MqttException e) {
            // test cleanup only
        }
    }

    private static MessageCallback collector(BlockingQueue<String> received) {
        return new MessageCallback((topic, message) ->
                received.add(topic + "=" + new String(message.getPayload(), StandardCharsets.UTF_8)));
    }
}
