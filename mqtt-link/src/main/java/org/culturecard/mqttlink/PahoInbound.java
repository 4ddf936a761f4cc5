package org.culturecard.mqttlink;

import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.culturecard.mqttlink.internal.Replies;

/** An {@link Inbound} as Paho delivered it: completed and answered through the client that delivered it. */
record PahoInbound(MqttAsyncClient source, String topic, MqttMessage message, Replies replies) implements Inbound {
    @Override
    public byte[] payload() {
        return message.getPayload();
    }

    @Override
    public void complete() {
        Replies.complete(source, message);
    }

    @Override
    public void replyThenComplete(String topic, byte[] reply) {
        replies.send(source, topic, reply, message);
    }
}
