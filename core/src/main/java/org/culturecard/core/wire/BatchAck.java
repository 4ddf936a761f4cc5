package org.culturecard.core.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.ids.KioskId;

/**
 * Central to kiosk on {@code down/acks}, sent only after the batch is committed in PostgreSQL.
 * {@code inserted} counts new rows; {@code duplicates} counts records already stored (a redelivery).
 * {@code awards} (optional, left out when empty, ADR 0037) are the pending awards of the batch's tokens' people: a
 * kiosk that does not know the field ignores it, as it ignores every unknown field of a message from central.
 */
public record BatchAck(String schema, UUID batchId, KioskId kioskId, int inserted, int duplicates, Instant ackedAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PendingAward> awards) {
    /** The most awards one ack carries; more wait for the person's next tap. */
    public static final int MAX_AWARDS = 100;

    public BatchAck {
        if (!Schemas.BATCH_ACK.equals(schema)) {
            throw new IllegalArgumentException("schema must be " + Schemas.BATCH_ACK + ", not " + schema);
        }
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(ackedAt, "ackedAt");
        awards = awards == null ? List.of() : List.copyOf(awards);
        if (awards.size() > MAX_AWARDS) {
            throw new IllegalArgumentException("awards: at most " + MAX_AWARDS);
        }
    }

    public static BatchAck of(UUID batchId, KioskId kioskId, int inserted, int duplicates, Instant ackedAt) {
        return new BatchAck(Schemas.BATCH_ACK, batchId, kioskId, inserted, duplicates, ackedAt, List.of());
    }

    /** This ack carrying {@code awards}. */
    public BatchAck withAwards(List<PendingAward> awards) {
        return new BatchAck(schema, batchId, kioskId, inserted, duplicates, ackedAt, awards);
    }
}
