package org.culturecard.demo;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.culturecard.testsupport.mqtt.MessageCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Subscribes to {@code #} and keeps every message that crosses the broker, topic and payload. */
final class MqttSpy implements AutoCloseable {
    record Seen(String topic, byte[] payload) {}

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final MqttClient client;

    private MqttSpy(String uri) throws MqttException {
        client = new MqttClient(uri, "spy-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(new MessageCallback((topic, message) -> seen.add(new Seen(topic, message.getPayload()))));
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
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
