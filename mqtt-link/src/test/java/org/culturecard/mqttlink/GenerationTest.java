package org.culturecard.mqttlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

class GenerationTest {
    private final List<String> heard = new ArrayList<>();
    private final LinkCallback.Listener recorder = new LinkCallback.Listener() {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            heard.add("message " + topic);
        }

        @Override
        public void connectionLost(MqttException cause) {
            heard.add("lost " + cause.getReasonCode());
        }
    };

    @Test
    void theCurrentClientIsHeard() {
        Generation generation = new Generation();
        LinkCallback.Listener first = generation.guard(generation.next(), recorder);

        first.messageArrived("a/b", new MqttMessage());
        first.connectionLost(new MqttException(32109));

        assertThat(heard).containsExactly("message a/b", "lost 32109");
    }

    @Test
    void aClientReplacedByANewOneIsNeverHeardAgain() {
        Generation generation = new Generation();
        LinkCallback.Listener old = generation.guard(generation.next(), recorder);
        LinkCallback.Listener fresh = generation.guard(generation.next(), recorder);

        old.connectionLost(new MqttException(32109));
        old.messageArrived("late/message", new MqttMessage());
        fresh.messageArrived("new/message", new MqttMessage());

        assertThat(heard).containsExactly("message new/message");
    }

    @Test
    void aRetiredClientIsNotHeardAndNeitherIsAnyEarlierOne() {
        Generation generation = new Generation();
        int first = generation.next();
        int second = generation.next();
        LinkCallback.Listener retired = generation.guard(second, recorder);

        generation.retire();
        retired.connectionLost(new MqttException(32109));

        assertThat(heard).isEmpty();
        assertThat(generation.isCurrent(first)).isFalse();
        assertThat(generation.isCurrent(second)).isFalse();
        assertThat(generation.isCurrent(generation.current())).isTrue();
    }
}
