package org.culturecard.core.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/** The envelope that every batch a kiosk sends up shares ({@link CheckInBatch}, {@link EnrolmentBatch}), checked once. */
final class BatchEnvelope {

    private BatchEnvelope() {}

    /**
     * Checks a batch's envelope and returns an unmodifiable copy of its records.
     *
     * @throws IllegalArgumentException naming the schema or the record count that is wrong
     * @throws NullPointerException     naming the missing field
     */
    static <T> List<T> checked(String expectedSchema, String schema, UUID batchId, KioskId kioskId,
            VenueId venueId, UUID bootId, Instant sentAt, List<T> records, int maxRecords) {
        Schemas.require(expectedSchema, schema);
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(bootId, "bootId");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(records, "records");
        if (records.isEmpty() || records.size() > maxRecords) {
            throw new IllegalArgumentException("a batch holds 1 to " + maxRecords + " records, not " + records.size());
        }
        return List.copyOf(records);
    }
}
