package org.culturecard.central.store;

import java.util.Objects;
import java.util.UUID;

/**
 * One row for {@code dead_letters}: where it came from, why, and what is kept of the payload.
 * {@code payloadSize} is the size received, which may exceed what is kept; {@code recordId} is set
 * only for a check-in kept whole (its payload is then a one-record batch that can be replayed).
 */
public record DeadLetter(String topic, String kioskSegment, ReasonClass reasonClass, String reason, byte[] payload,
        int payloadSize, UUID recordId) {

    public DeadLetter {
        topic = topic == null ? "" : topic;
        Objects.requireNonNull(reasonClass, "reasonClass");
        Objects.requireNonNull(reason, "reason");
        payload = payload == null ? new byte[0] : payload;
        if (payloadSize < payload.length) {
            throw new IllegalArgumentException("payloadSize is what was received, at least what is kept");
        }
    }

    /** A whole message, nothing cut. */
    public static DeadLetter of(String topic, String kioskSegment, ReasonClass reasonClass, String reason, byte[] payload) {
        byte[] kept = payload == null ? new byte[0] : payload;
        return new DeadLetter(topic, kioskSegment, reasonClass, reason, kept, kept.length, null);
    }
}
