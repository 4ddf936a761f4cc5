package org.culturecard.core.wire;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/**
 * Retained on {@code up/status}: the birth message on connect and the last will ("offline").
 * {@code oldestPendingSeconds} is null when nothing is pending.
 */
public record KioskStatus(
        String schema,
        KioskId kioskId,
        VenueId venueId,
        String state,
        Instant at,
        long backlog,
        Long oldestPendingSeconds,
        String readerState,
        Long freeDiskBytes,
        Map<String, String> versions) {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public KioskStatus {
        if (!Schemas.KIOSK_STATUS.equals(schema)) {
            throw new IllegalArgumentException("schema must be " + Schemas.KIOSK_STATUS + ", not " + schema);
        }
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(venueId, "venueId");
        if (!ONLINE.equals(state) && !OFFLINE.equals(state)) {
            throw new IllegalArgumentException("state is online or offline, not " + state);
        }
        Objects.requireNonNull(at, "at");
        versions = versions == null ? Map.of() : Map.copyOf(versions);
    }

    public static KioskStatus offline(KioskId kioskId, VenueId venueId, Instant at) {
        return new KioskStatus(Schemas.KIOSK_STATUS, kioskId, venueId, OFFLINE, at, 0, null, null, null, Map.of());
    }
}
