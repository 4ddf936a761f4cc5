package org.culturecard.mqttlink;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's client-wide callback reduced to the two things a connection acts on: a message, and the
 * connection lost (with Paho's reason as an {@link MqttException}). Delivery completions (each
 * publish has its own action listener, or none), Paho's connect notices (the connection's own code
 * logs connects; Paho's automatic reconnect is off) and enhanced authentication (not used) are
 * ignored; MQTT errors are logged, since a lost connection is also reported as such. The client-wide
 * form works for every filter (Paho's per-subscription listeners never fire for {@code $share/...}).
 * One instance per client, usually behind {@link Generation#guard}.
 */
public final class LinkCallback implements MqttCallback {
    private static final Logger LOG = LoggerFactory.getLogger(LinkCallback.class);

    /** What a connection hears from its client, on Paho's callback thread. */
    public interface Listener {
        void messageArrived(String topic, MqttMessage message);

        void connectionLost(MqttException cause);
    }

    private final String name;
    private final Listener listener;

    /** {@code name} is the client id, for the log. */
    public LinkCallback(String name, Listener listener) {
        this.name = name;
        this.listener = listener;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        listener.messageArrived(topic, message);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        MqttException cause = response.getException();
        listener.connectionLost(cause != null ? cause : new MqttException(response.getReturnCode()));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // A lost connection is also reported to disconnected(); this alone is no reason to drop it.
        LOG.warn("{}: MQTT error {}", name, MqttErrors.describe(exception));
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // each publish has its own action listener, or is fire-and-forget at QoS 1
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // the connection's own code logs connects; Paho's automatic reconnect is off
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
