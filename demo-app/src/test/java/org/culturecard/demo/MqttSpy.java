package org.culturecard.demo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Subscribes to {@code #} and keeps every message that crosses the broker, topic and payload. */
final class MqttSpy implements MqttCallback, AutoCloseable {
    record Seen(String topic, byte[] payload) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final MqttClient client;

    private MqttSpy(String uri) throws MqttException {
        client = new MqttClient(uri, "spy-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(this);
        client.connect();
        client.subscribe("#", 1);
    }

    static MqttSpy on(String uri) throws MqttException {
        return new MqttSpy(uri);
    }

    List<Seen> seen() {
        return List.copyOf(seen);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        seen.add(new Seen(topic, message.getPayload()));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
