package org.culturecard.demo.reliability;

import org.culturecard.testsupport.mqtt.MosquittoServer;

/**
 * The broker configuration the reliability suite runs against: the tuned Mosquitto of
 * docs/architecture.md (explicit inflight and queue limits, because the defaults silently drop QoS 1
 * messages under load), with persistence off, so a kill loses everything the broker held.
 */
final class Tuned {
    private Tuned() {}

    static MosquittoServer.Builder broker() {
        return MosquittoServer.builder().maxInflightMessages(100).maxQueuedMessages(100_000).persistence(false);
    }
}
