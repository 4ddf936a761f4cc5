package org.culturecard.central.store;

import java.time.Instant;

/** A registry entry and its last known status; nullable fields are unknown until a status arrives. */
public record KioskRow(String kioskId, String venueId, String certFingerprint, String state, Instant lastSeen,
        Long backlog, String readerState, String versionsJson) {
}
