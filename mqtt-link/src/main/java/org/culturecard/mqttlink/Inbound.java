package org.culturecard.mqttlink;

/**
 * One message from a {@link DurableSubscriber}: the broker keeps it, and redelivers it to the
 * session, until it is completed (manual acks). Either {@link #complete()} it once handled, or
 * {@link #replyThenComplete} to answer it first; both return at once and never throw.
 */
public interface Inbound {
    String topic();

    byte[] payload();

    /** Acknowledges the message to the broker; a failure only leaves it to be redelivered. */
    void complete();

    /**
     * Publishes {@code reply} at QoS 1 on {@code topic} through the client that delivered this
     * message and completes the message once the broker has the reply (PUBACK) or the reply failed,
     * never before: a crash in between leaves the message to be redelivered, not completed without
     * a reply. Handed to the subscriber's reply thread, so a Paho callback thread never waits.
     */
    void replyThenComplete(String topic, byte[] reply);
}
