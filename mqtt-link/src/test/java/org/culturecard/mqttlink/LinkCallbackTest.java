package org.culturecard.mqttlink;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

class LinkCallbackTest {
    private final List<Object> heard = new ArrayList<>();
    private final LinkCallback callback = new LinkCallback("test", new LinkCallback.Listener() {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            heard.add(topic + "=" + new String(message.getPayload(), UTF_8));
        }

        @Override
        public void connectionLost(MqttException cause) {
            heard.add(cause);
        }
    });

    @Test
    void handsOnMessagesWithTheirTopic() {
        callback.messageArrived("culturecard/v1/v/k/down/acks", new MqttMessage("ack".getBytes(UTF_8)));

        assertThat(heard).containsExactly("culturecard/v1/v/k/down/acks=ack");
    }

    @Test
    void aLostConnectionCarriesPahosExceptionWhenThereIsOne() {
        MqttException lost = new MqttException(MqttClientException.REASON_CODE_CONNECTION_LOST);

        callback.disconnected(new MqttDisconnectResponse(lost));

        assertThat(heard).containsExactly(lost);
    }

    @Test
    void aDisconnectByTheBrokerBecomesAnExceptionWithItsReasonCode() {
        callback.disconnected(new MqttDisconnectResponse(0x87, "not authorized", new ArrayList<>(), null));

        assertThat(heard).singleElement().isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(0x87));
        assertThat(Refusals.isRefusal(MqttErrors.reasonCode((Throwable) heard.get(0)))).isTrue();
    }

    @Test
    void errorsDeliveriesConnectsAndAuthPacketsAloneAreNoEvent() {
        callback.mqttErrorOccurred(new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION));
        callback.deliveryComplete(null);
        callback.connectComplete(true, "tcp://127.0.0.1:1883");
        callback.authPacketArrived(0x18, null);

        assertThat(heard).isEmpty();
    }

    @Test
    void describesAnMqttFailureWithItsCodeAndCause() {
        MqttException failure = new MqttException(MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR,
                new ConnectException("Connection refused"));

        assertThat(MqttErrors.describe(failure)).endsWith("(" + MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR
                + "): Connection refused");
        assertThat(MqttErrors.reasonCode(failure)).isEqualTo(MqttClientException.REASON_CODE_SERVER_CONNECT_ERROR);
        assertThat(MqttErrors.reasonCode(new IllegalStateException("x"))).isEqualTo(-1);
        assertThat(MqttErrors.describe(new IllegalStateException("x"))).isEqualTo("java.lang.IllegalStateException: x");
    }
}
