package org.culturecard.mqttlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
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

    @Test
    void onAConnectionsOwnThreadTheCheckIsMadeWhenTheCallRunsThere() {
        Generation generation = new Generation();
        List<Runnable> queued = new ArrayList<>();
        Executor thread = queued::add;
        LinkCallback.Listener first = generation.guard(generation.next(), thread, recorder);

        first.messageArrived("queued/before/the/reconnect", new MqttMessage());
        assertThat(heard).as("nothing runs on Paho's thread").isEmpty();
        generation.next();
        queued.forEach(Runnable::run);

        assertThat(heard).as("the client was replaced while the call waited").isEmpty();
    }

    @Test
    void anActionListenersAnswerRunsAtOnceAndItsOutcomeOnlyWhileItsClientIsCurrent() {
        Generation generation = new Generation();
        List<Runnable> queued = new ArrayList<>();
        int gen = generation.next();
        MqttActionListener listener = generation.guard(gen, queued::add, () -> heard.add("answered"),
                token -> heard.add("success"), cause -> heard.add("failure " + cause.getMessage()));

        listener.onSuccess(mock(IMqttToken.class));
        assertThat(heard).containsExactly("answered");
        queued.forEach(Runnable::run);
        assertThat(heard).containsExactly("answered", "success");

        queued.clear();
        listener.onFailure(null, new IllegalStateException("lost"));
        generation.retire();
        queued.forEach(Runnable::run);
        assertThat(heard).as("a given-up client's failure is no news").containsExactly("answered", "success");
    }
}
