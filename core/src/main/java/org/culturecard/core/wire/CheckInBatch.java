package org.culturecard.core.wire;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/**
 * Kiosk to central on {@code up/checkins}: up to {@link #MAX_RECORDS} check-ins in sequence order.
 * {@code bootId} changes each time the sync agent starts, so central can tell restarts apart.
 */
public record CheckInBatch(
        String schema,
        UUID batchId,
        KioskId kioskId,
        VenueId venueId,
        UUID bootId,
        Instant sentAt,
        List<CheckIn> records) {

    public static final int MAX_RECORDS = 100;
    public static final int MAX_BYTES = 64 * 1024;

    public CheckInBatch {
        records = BatchEnvelope.checked(Schemas.CHECKIN_BATCH, schema, batchId, kioskId, venueId, bootId, sentAt,
                records, MAX_RECORDS);
    }

    public static CheckInBatch of(UUID batchId, KioskId kioskId, VenueId venueId, UUID bootId,
            Instant sentAt, List<CheckIn> records) {
        return new CheckInBatch(Schemas.CHECKIN_BATCH, batchId, kioskId, venueId, bootId, sentAt, records);
    }
}
