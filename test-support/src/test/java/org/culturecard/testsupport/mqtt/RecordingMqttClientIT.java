package org.culturecard.testsupport.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MosquittoExtension.class)
class RecordingMqttClientIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void recordsWhatArrivesOnItsFiltersInOrderWithTheRetainedFlag(MosquittoServer broker) throws Exception {
        try (RecordingMqttClient publisher = RecordingMqttClient.connect(broker.uri())) {
            publisher.publish("r/status", "kept".getBytes(UTF_8), 1, true);
            try (RecordingMqttClient recorder = RecordingMqttClient.connect(broker.uri(), "r/#", "s/+")) {
                publisher.publish("r/a", "one".getBytes(UTF_8), 1, false);
                publisher.publish("elsewhere", "unheard".getBytes(UTF_8), 1, false);
                publisher.publish("s/b", "two".getBytes(UTF_8), 1, false);

                List<RecordingMqttClient.Message> messages = recorder.await(3, WAIT);

                assertThat(messages).extracting(RecordingMqttClient.Message::topic).containsExactly("r/status", "r/a", "s/b");
                assertThat(messages).extracting(RecordingMqttClient.Message::text).containsExactly("kept", "one", "two");
                assertThat(messages.get(0).retained()).isTrue();
                assertThat(messages.get(1).retained()).isFalse();
                assertThat(recorder.messages("s/b")).extracting(RecordingMqttClient.Message::text).containsExactly("two");
            }
            publisher.publish("r/status", new byte[0], 1, true); // clears the retained message
        }
    }

    @Test
    void awaitingMoreThanArrivesFailsTheTestNamingTheCounts(MosquittoServer broker) throws Exception {
        try (RecordingMqttClient recorder = RecordingMqttClient.connect(broker.uri(), "quiet/#")) {
            assertThatThrownBy(() -> recorder.await(1, Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected 1 messages").hasMessageContaining("got 0");
            assertThat(recorder.paho().isConnected()).isTrue();
        }
    }
}
