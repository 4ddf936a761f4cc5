package org.culturecard.sync.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notices a half-open connection from the publishes the broker has not answered. A broker answers a
 * QoS 1 publish with PUBACK in milliseconds; when one has waited longer than the keepalive, the link
 * is dead even though TCP still looks open (a frozen broker, a NAT that dropped the flow). Paho's own
 * keepalive only notices after up to twice the keepalive plus its timer's slack, and only when idle.
 *
 * <p>Thread-safe: publishes are recorded on the agent's worker, PUBACKs are removed directly on
 * Paho's callback thread, so a busy worker cannot mistake a PUBACK queued behind it for a missing one.
 */
final class PubackWatch {
    private final Map<Object, Instant> waiting = new ConcurrentHashMap<>();

    void sent(Object id, Instant at) {
        waiting.put(id, at);
    }

    void answered(Object id) {
        waiting.remove(id);
    }

    void clear() {
        waiting.clear();
    }

    /** True when some publish has waited for its PUBACK for longer than {@code limit}. */
    boolean overdue(Instant now, Duration limit) {
        Instant threshold = now.minus(limit);
        for (Instant sentAt : waiting.values()) {
            if (sentAt.isBefore(threshold)) {
                return true;
            }
        }
        return false;
    }
}
