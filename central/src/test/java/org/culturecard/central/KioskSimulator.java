package org.culturecard.central;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.wire.BatchAck;
import org.culturecard.core.wire.CheckInBatch;
import org.culturecard.core.wire.Topics;
import org.culturecard.core.wire.WireCodec;
import org.culturecard.core.wire.WireFormatException;
import org.culturecard.testsupport.mqtt.RecordingMqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;

/** A stand-in for kiosks in tests: publishes raw payloads and collects every ack central sends. */
public final class KioskSimulator implements AutoCloseable {

    /** An ack with the topic it came on. */
    public record ReceivedAck(String topic, BatchAck ack) {
    }

    private final WireCodec codec = new WireCodec();
    private final RecordingMqttClient client;
    private final List<ReceivedAck> acks = new ArrayList<>(); // decoded once each, in arrival order

    public KioskSimulator(String brokerUri, String clientId) throws MqttException {
        client = RecordingMqttClient.connect(brokerUri, clientId, new MqttConnectionOptions(), Topics.ROOT + "/+/+/down/acks");
    }

    public void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    public void publish(CheckInBatch batch) throws MqttException {
        publish(Topics.checkins(batch.venueId(), batch.kioskId()), codec.encode(batch));
    }

    /** Every ack for {@code batchId} received so far, in arrival order. */
    public synchronized List<ReceivedAck> acksFor(UUID batchId) {
        List<RecordingMqttClient.Message> received = client.messages();
        received.subList(acks.size(), received.size()).forEach(m -> acks.add(decode(m)));
        return acks.stream().filter(a -> a.ack().batchId().equals(batchId)).toList();
    }

    public Optional<ReceivedAck> firstAck(UUID batchId) {
        return acksFor(batchId).stream().findFirst();
    }

    @Override
    public void close() throws MqttException {
        client.close();
    }

    private ReceivedAck decode(RecordingMqttClient.Message message) {
        try {
            return new ReceivedAck(message.topic(), codec.decode(message.payload(), BatchAck.class));
        } catch (WireFormatException e) {
            throw new IllegalStateException("central sent an undecodable ack", e);
        }
    }
}
