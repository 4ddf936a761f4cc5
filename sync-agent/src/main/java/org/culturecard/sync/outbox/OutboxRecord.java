package org.culturecard.sync.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One pending outbox row: a check-in the kiosk recorded and central has not yet acknowledged.
 * {@code payload} is the check-in as wire JSON, exactly as the kiosk wrote it.
 */
public record OutboxRecord(long seq, UUID checkInId, String payload, Instant createdAt) {
    public OutboxRecord {
        Objects.requireNonNull(checkInId, "checkInId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The payload's size on the wire, in bytes. */
    public int payloadBytes() {
        return payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
