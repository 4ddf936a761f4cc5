package org.culturecard.central.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.enrolment.Enrolment;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/**
 * An enrolment record as central keeps it: the record, where it came from, and what became of it
 * ({@code refusal} is null when it was applied; {@code undoneBy} names the UNDO that took it back).
 */
public record StoredEnrolment(Enrolment record, VenueId venue, KioskId kiosk, Instant receivedAt, String refusal,
        UUID undoneBy) {

    public StoredEnrolment {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(kiosk, "kiosk");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    public boolean applied() {
        return refusal == null;
    }
}
