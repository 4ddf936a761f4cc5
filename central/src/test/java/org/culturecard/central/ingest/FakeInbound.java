package org.culturecard.central.ingest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.culturecard.mqttlink.Inbound;

/** An {@link Inbound} for unit tests: remembers whether it was completed and what it was answered. */
final class FakeInbound implements Inbound {
    /** A reply as sent. */
    record Reply(String topic, byte[] payload) {
    }

    private final String topic;
    private final byte[] payload;
    final List<Reply> replies = new CopyOnWriteArrayList<>();
    volatile int completions;

    FakeInbound(String topic, byte[] payload) {
        this.topic = topic;
        this.payload = payload;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public byte[] payload() {
        return payload;
    }

    @Override
    public void complete() {
        completions++;
    }

    @Override
    public void replyThenComplete(String replyTopic, byte[] reply) {
        replies.add(new Reply(replyTopic, reply));
        completions++;
    }
}
