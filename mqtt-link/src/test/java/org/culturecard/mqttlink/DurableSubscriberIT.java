package org.culturecard.mqttlink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.culturecard.testsupport.mqtt.MosquittoExtension;
import org.culturecard.testsupport.mqtt.MosquittoServer;
import org.culturecard.testsupport.mqtt.RecordingMqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real Mosquitto: messages reach the handler, replies go out before the message is completed, and an uncompleted one comes back. */
@ExtendWith(MosquittoExtension.class)
class DurableSubscriberIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void answersEachMessageAndCompletesIt(MosquittoServer broker) throws Exception {
        try (DurableSubscriber subscriber = new DurableSubscriber(BrokerEndpoint.plain(broker.uri()), "durable-answers", "in/+",
                message -> message.replyThenComplete("out/" + message.topic().substring(3), message.payload())).start();
                RecordingMqttClient other = RecordingMqttClient.connect(broker.uri(), "out/#")) {
            assertThat(subscriber.awaitSubscribed(WAIT)).isTrue();
            assertThat(subscriber.connects()).isEqualTo(1);

            other.publish("in/a", "one".getBytes(UTF_8), 1, false);
            other.publish("in/b", "two".getBytes(UTF_8), 1, false);

            assertThat(other.await(2, WAIT)).extracting(m -> m.topic() + "=" + m.text())
                    .containsExactlyInAnyOrder("out/a=one", "out/b=two");
        }
    }

    @Test
    void aMessageNeverCompletedComesBackToTheSessionWhenItResumes(MosquittoServer broker) throws Exception {
        List<String> firstHeard = new CopyOnWriteArrayList<>();
        List<String> secondHeard = new CopyOnWriteArrayList<>();
        BrokerEndpoint endpoint = BrokerEndpoint.plain(broker.uri());
        DurableSubscriber crashing = new DurableSubscriber(endpoint, "durable-resume", "work",
                message -> firstHeard.add(new String(message.payload(), UTF_8))).start();
        try (RecordingMqttClient other = RecordingMqttClient.connect(broker.uri())) {
            assertThat(crashing.awaitSubscribed(WAIT)).isTrue();
            other.publish("work", "job".getBytes(UTF_8), 1, false);
            await().atMost(WAIT).until(() -> firstHeard.contains("job"));

            crashing.abandon();
            assertThat(crashing.isSubscribed()).isFalse();

            try (DurableSubscriber resumed = new DurableSubscriber(endpoint, "durable-resume", "work", message -> {
                secondHeard.add(new String(message.payload(), UTF_8));
                message.complete();
            }).start()) {
                await().atMost(WAIT).until(() -> secondHeard.contains("job"));
            }
        }
    }
}
