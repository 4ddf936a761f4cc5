package org.culturecard.core.wire;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.culturecard.core.event.Event;
import org.culturecard.core.ids.VenueId;

/**
 * Central to kiosks, retained on {@code culturecard/v1/{venue}/down/config}: the full, versioned
 * snapshot of a venue's open events. A kiosk applies a snapshot only if its {@code version} is
 * newer than the last one applied; events from central that a newer snapshot no longer lists have
 * been closed.
 */
public record VenueConfig(String schema, VenueId venueId, long version, Instant publishedAt, List<Event> events) {
    public static final int MAX_EVENTS = 500;

    public VenueConfig {
        if (!Schemas.VENUE_CONFIG.equals(schema)) {
            throw new IllegalArgumentException("schema must be " + Schemas.VENUE_CONFIG + ", not " + schema);
        }
        Objects.requireNonNull(venueId, "venueId");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(events, "events");
        if (events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("a venue snapshot holds at most " + MAX_EVENTS + " events");
        }
        for (Event event : events) {
            if (!event.venueId().equals(venueId)) {
                throw new IllegalArgumentException("event " + event.id() + " belongs to venue " + event.venueId());
            }
        }
        events = List.copyOf(events);
    }

    public static VenueConfig of(VenueId venueId, long version, Instant publishedAt, List<Event> events) {
        return new VenueConfig(Schemas.VENUE_CONFIG, venueId, version, publishedAt, events);
    }
}
