package org.culturecard.mqttlink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.mqtt.RecordingMqttClient;
import org.junit.jupiter.api.Test;

/** A real Mosquitto on a free port: the link connects, hears its subscriptions, publishes, and heals itself. */
class MqttLinkIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void handsEachMessageOnItsSubscriptionsToTheHandlerAndPublishesWithPuback() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (MosquittoServer broker = MosquittoServer.create().start();
                MqttLink link = new MqttLink(BrokerEndpoint.plain(broker.uri()), "link-it", Map.of("in/+", 1),
                        (topic, payload) -> heard.add(topic + "=" + new String(payload, UTF_8))).start();
                RecordingMqttClient other = RecordingMqttClient.connect(broker.uri(), "out/#")) {
            assertThat(link.awaitConnected(WAIT)).isTrue();

            other.publish("in/a", "hello".getBytes(UTF_8), 1, false);
            other.publish("elsewhere", "not for the link".getBytes(UTF_8), 1, false);
            boolean published = link.publish("out/b", "answer".getBytes(UTF_8), 1, false);

            assertThat(published).isTrue();
            assertThat(other.await(1, WAIT)).extracting(RecordingMqttClient.Message::text).containsExactly("answer");
            await().atMost(WAIT).until(() -> !heard.isEmpty());
            assertThat(heard).containsExactly("in/a=hello");
        }
    }

    @Test
    void aFailingHandlerDoesNotCostTheConnection() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (MosquittoServer broker = MosquittoServer.create().start();
                MqttLink link = new MqttLink(BrokerEndpoint.plain(broker.uri()), "link-it-failing", Map.of("in", 1),
                        (topic, payload) -> {
                            heard.add(new String(payload, UTF_8));
                            throw new IllegalStateException("the handler broke");
                        }).start();
                RecordingMqttClient other = RecordingMqttClient.connect(broker.uri())) {
            assertThat(link.awaitConnected(WAIT)).isTrue();

            other.publish("in", "one".getBytes(UTF_8), 1, false);
            other.publish("in", "two".getBytes(UTF_8), 1, false);

            await().atMost(WAIT).until(() -> heard.size() == 2);
            assertThat(link.isConnected()).isTrue();
        }
    }

    @Test
    void connectsOnceTheBrokerComesUpAndAgainAfterItRestartsResubscribed() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        try (MosquittoServer broker = MosquittoServer.create()) {
            broker.start();
            String uri = broker.uri();
            broker.stop();
            try (MqttLink link = new MqttLink(BrokerEndpoint.plain(uri), "link-it-healing", Map.of("in", 1),
                    (topic, payload) -> heard.add(new String(payload, UTF_8))).start()) {
                Thread.sleep(300);
                assertThat(link.isConnected()).isFalse();
                assertThat(link.publish("out", new byte[1], 1, false)).as("nothing to publish through").isFalse();

                broker.start();
                assertThat(link.awaitConnected(WAIT)).as("a failed first connect is retried").isTrue();
                broker.restart();
                await().atMost(WAIT).until(link::isConnected);

                try (RecordingMqttClient other = RecordingMqttClient.connect(uri)) {
                    await().atMost(WAIT).until(() -> {
                        other.publish("in", "after the restart".getBytes(UTF_8), 1, false);
                        return heard.contains("after the restart");
                    });
                }
            }
        }
    }
}
