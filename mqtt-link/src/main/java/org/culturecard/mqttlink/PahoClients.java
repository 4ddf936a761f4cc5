package org.culturecard.mqttlink;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** Makes a connection's Paho clients: the seam where a connection's unit tests put Mockito's. */
@FunctionalInterface
public interface PahoClients {
    MqttAsyncClient create(String uri, String clientId) throws MqttException;

    /**
     * Real clients that keep in-flight messages in memory only: every connection here has a durable
     * queue of its own (the kiosk's outbox) or a broker session that redelivers (ingest).
     */
    static PahoClients inMemory() {
        return (uri, clientId) -> new MqttAsyncClient(uri, clientId, new MemoryPersistence());
    }
}
