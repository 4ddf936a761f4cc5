package org.culturecard.sync.agent;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's client-wide Paho callback: hands a lost connection and each arriving message (acks
 * and venue config) to the agent and does nothing else, so Paho's threads never touch the agent's state.
 */
final class PahoCallback implements MqttCallback {
    private static final Logger log = LoggerFactory.getLogger(PahoCallback.class);

    private final Consumer<MqttException> lost;
    private final BiConsumer<String, byte[]> arrived;

    PahoCallback(Consumer<MqttException> lost, BiConsumer<String, byte[]> arrived) {
        this.lost = lost;
        this.arrived = arrived;
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        lost.accept(response.getException() != null ? response.getException() : new MqttException(response.getReturnCode()));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // A lost connection is also reported to disconnected(); this alone is no reason to drop it.
        log.warn("MQTT client error: {}", MqttSyncAgent.describe(exception));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        arrived.accept(topic, message.getPayload());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Each publish has its own action listener.
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // The connect action listener does the work.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication.
    }
}
