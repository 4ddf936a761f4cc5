package org.culturecard.sync.agent;

/** What the agent hears from its {@link BrokerSession}, on the agent's worker. */
interface SessionListener {
    /** Connected and subscribed; {@code receiveMaximum} is the broker's (CONNACK), 65,535 when it sets none. */
    void connected(int receiveMaximum);

    /** The connection is gone (lost, refused or given up): whatever was in flight on it is not coming back. */
    void disconnected();

    /** Connected, failures or problem changed: time for a new status snapshot. */
    void changed();

    /** A message on the kiosk's ack topic or the venue's config topic. */
    void messageArrived(String topic, byte[] payload);
}
