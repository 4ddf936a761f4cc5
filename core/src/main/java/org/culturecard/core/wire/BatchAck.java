package org.culturecard.core.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.ids.KioskId;

/**
 * Central to kiosk on {@code down/acks}, sent only after the batch is committed in PostgreSQL.
 * {@code inserted} counts new rows; {@code duplicates} counts records already stored (a redelivery).
 */
public record BatchAck(String schema, UUID batchId, KioskId kioskId, int inserted, int duplicates, Instant ackedAt) {
    public BatchAck {
        if (!Schemas.BATCH_ACK.equals(schema)) {
            throw new IllegalArgumentException("schema must be " + Schemas.BATCH_ACK + ", not " + schema);
        }
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(ackedAt, "ackedAt");
    }

    public static BatchAck of(UUID batchId, KioskId kioskId, int inserted, int duplicates, Instant ackedAt) {
        return new BatchAck(Schemas.BATCH_ACK, batchId, kioskId, inserted, duplicates, ackedAt);
    }
}
