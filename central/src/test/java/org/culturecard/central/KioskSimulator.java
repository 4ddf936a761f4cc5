package org.culturecard.central;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.testsupport.mqtt.MessageCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;

/** A stand-in for kiosks in tests: publishes raw payloads and collects every ack central sends. */
public final class KioskSimulator implements AutoCloseable {

    /** An ack with the topic it came on. */
    public record ReceivedAck(String topic, BatchAck ack) {
    }

    private final WireCodec codec = new WireCodec();
    private final MqttClient client;
    private final List<ReceivedAck> acks = new CopyOnWriteArrayList<>();

    public KioskSimulator(String brokerUri, String clientId) throws MqttException {
        client = new MqttClient(brokerUri, clientId, new MemoryPersistence());
        client.setTimeToWait(10_000);
        client.setCallback(new MessageCallback((topic, message) -> {
            try {
                acks.add(new ReceivedAck(topic, codec.decode(message.getPayload(), BatchAck.class)));
            } catch (WireFormatException e) {
                throw new IllegalStateException("central sent an undecodable ack", e);
            }
        }));
        client.connect(new MqttConnectionOptions());
        client.subscribe(Topics.ROOT + "/+/+/down/acks", 1);
    }

    public void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    public void publish(CheckInBatch batch) throws MqttException {
        publish(Topics.checkins(batch.venueId(), batch.kioskId()), codec.encode(batch));
    }

    /** Every ack for {@code batchId} received so far, in arrival order. */
    public List<ReceivedAck> acksFor(UUID batchId) {
        return acks.stream().filter(a -> a.ack().batchId().equals(batchId)).toList();
    }

    public Optional<ReceivedAck> firstAck(UUID batchId) {
        return acksFor(batchId).stream().findFirst();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
