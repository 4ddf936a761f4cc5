package org.culturecard.sync.agent;

import java.util.function.IntConsumer;

/**
 * The way out for the agent's parts (forwarder, status, venue sync): the current connection to the
 * broker. Called on the agent's worker; outcomes come back on it too, and only while the
 * connection they were sent on lasts.
 */
interface Link {
    /** Connected and subscribed. */
    boolean isUp();

    /**
     * Publishes at QoS 1 on the current connection. {@code accepted} gets the PUBACK's reason code
     * (0 success, 0x10 no subscriber, 0x80 and up an error); a failure to publish is the
     * connection's to handle (it drops and reconnects), so {@code accepted} never hears of it.
     */
    void publish(String topic, byte[] payload, boolean retained, IntConsumer accepted);

    /** The broker refused this kiosk something it needs ({@code reasonCode}): drop the connection and wait the longest backoff. */
    void refused(String doing, int reasonCode);
}
