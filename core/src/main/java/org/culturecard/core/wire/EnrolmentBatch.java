package org.culturecard.core.wire;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/**
 * Kiosk to central on {@code up/enrolments} ({@link Topics#enrolments}): up to {@link #MAX_RECORDS}
 * enrolments, sent through the outbox like check-ins and acknowledged the same way, with a
 * {@link BatchAck} for this {@code batchId} after central's commit ({@code inserted}: records newly
 * applied; {@code duplicates}: records already stored, a redelivery). The envelope is
 * {@link CheckInBatch}'s, so that the sync agent treats both alike. Nothing in it can hold a card
 * number, PIN, name or birth date: every identity is a 64-hex-digit token, the age a band.
 */
public record EnrolmentBatch(
        String schema,
        UUID batchId,
        KioskId kioskId,
        VenueId venueId,
        UUID bootId,
        Instant sentAt,
        List<Enrolment> records) {

    public static final int MAX_RECORDS = 100;
    /** The largest batch the agent sends and central accepts, as for check-ins. */
    public static final int MAX_BYTES = CheckInBatch.MAX_BYTES;

    public EnrolmentBatch {
        records = BatchEnvelope.checked(Schemas.ENROLMENT_BATCH, schema, batchId, kioskId, venueId, bootId, sentAt,
                records, MAX_RECORDS);
        Set<UUID> ids = new HashSet<>();
        for (Enrolment record : records) {
            if (!ids.add(record.id())) {
                throw new IllegalArgumentException("enrolment " + record.id() + " is in the batch twice");
            }
        }
    }

    public static EnrolmentBatch of(UUID batchId, KioskId kioskId, VenueId venueId, UUID bootId, Instant sentAt,
            List<Enrolment> records) {
        return new EnrolmentBatch(Schemas.ENROLMENT_BATCH, batchId, kioskId, venueId, bootId, sentAt, records);
    }
}
