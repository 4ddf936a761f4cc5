package org.culturecard.kioskdb;

import java.util.Objects;
import org.culturecard.core.event.Event;

/**
 * An event as the kiosk holds it: the event itself, whether staff made it the active one (taps
 * count against it) or closed it, where it came from, and how many young people checked in to it.
 */
public record StoredEvent(Event event, boolean active, boolean closed, EventOrigin origin, int checkIns) {
    public StoredEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(origin, "origin");
    }
}
