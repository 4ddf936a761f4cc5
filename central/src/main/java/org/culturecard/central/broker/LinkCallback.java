package org.culturecard.central.broker;

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
 * Paho's callback reduced to the two things central acts on: a message, and the connection lost.
 * Delivery completions (acks are fire-and-forget at QoS 1), Paho's own connect notices (the
 * {@link Reconnector} logs connects) and enhanced authentication (not used) are ignored; MQTT
 * errors are logged. One instance per client instance, so a late callback from a client that was
 * given up can be told apart by the caller.
 */
public final class LinkCallback implements MqttCallback {
    private static final Logger LOG = LoggerFactory.getLogger(LinkCallback.class);

    private final String name;
    private final BiConsumer<String, MqttMessage> onMessage;
    private final Consumer<MqttDisconnectResponse> onDisconnected;

    /** {@code name} is the client id, for the log. */
    public LinkCallback(String name, BiConsumer<String, MqttMessage> onMessage,
            Consumer<MqttDisconnectResponse> onDisconnected) {
        this.name = name;
        this.onMessage = onMessage;
        this.onDisconnected = onDisconnected;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        onMessage.accept(topic, message);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        onDisconnected.accept(response);
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("{}: MQTT error {}", name, exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // acks and status go out at QoS 1 and are not tracked here
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // the Reconnector logs connects; Paho's automatic reconnect is off
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
