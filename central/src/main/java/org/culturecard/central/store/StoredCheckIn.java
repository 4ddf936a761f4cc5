package org.culturecard.central.store;

import java.time.Instant;
import java.util.UUID;

/** A check-in as stored centrally, with the time central received it. {@code eventId} may be null. */
record StoredCheckIn(UUID id, long seq, String token, UUID eventId, String venueId, String kioskId,
        Instant tappedAt, boolean clockSynced, String cardKind, String appVersion, Instant receivedAt) {
}
