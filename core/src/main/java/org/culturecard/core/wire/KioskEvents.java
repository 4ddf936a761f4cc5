package org.culturecard.core.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.KioskId;
import org.culturecard.core.ids.VenueId;

/**
 * Kiosk to central on {@code up/events}: events that staff created or changed on the kiosk.
 * {@code closed} lists ids of events staff closed there.
 */
public record KioskEvents(String schema, KioskId kioskId, VenueId venueId, Instant sentAt, List<Event> events,
        List<java.util.UUID> closed) {
    public static final int MAX_EVENTS = 100;

    public KioskEvents {
        if (!Schemas.KIOSK_EVENTS.equals(schema)) {
            throw new IllegalArgumentException("schema must be " + Schemas.KIOSK_EVENTS + ", not " + schema);
        }
        Objects.requireNonNull(kioskId, "kioskId");
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(sentAt, "sentAt");
        events = events == null ? List.of() : List.copyOf(events);
        closed = closed == null ? List.of() : List.copyOf(closed);
        if (events.size() + closed.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("at most " + MAX_EVENTS + " events a message");
        }
        for (Event event : events) {
            if (!event.venueId().equals(venueId)) {
                throw new IllegalArgumentException("event " + event.id() + " belongs to venue " + event.venueId());
            }
        }
    }

    public static KioskEvents of(KioskId kioskId, VenueId venueId, Instant sentAt, List<Event> events,
            List<java.util.UUID> closed) {
        return new KioskEvents(Schemas.KIOSK_EVENTS, kioskId, venueId, sentAt, events, closed);
    }
}
