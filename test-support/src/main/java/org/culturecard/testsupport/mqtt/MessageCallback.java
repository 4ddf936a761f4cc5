package org.culturecard.testsupport.mqtt;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The Paho callback a test client needs: each arriving message goes to one handler, every other
 * event is ignored. Use it with {@code client.setCallback(...)}, the client-wide form that works for
 * every filter (Paho's per-subscription listener never fires for {@code $share/...}).
 */
public final class MessageCallback implements MqttCallback {
    /** What to do with an arriving message; an exception makes Paho drop the connection, as Paho does. */
    @FunctionalInterface
    public interface Handler {
        void accept(String topic, MqttMessage message) throws Exception;
    }

    private final Handler handler;

    public MessageCallback(Handler handler) {
        this.handler = handler;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
        handler.accept(topic, message);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        // a test sees a lost connection through its assertions, not here
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        // likewise: errors surface in the client's calls
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // tests publish synchronously; nothing to track
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // tests connect synchronously
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication in tests
    }
}
