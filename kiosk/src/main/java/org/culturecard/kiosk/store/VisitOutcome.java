package org.culturecard.kiosk.store;

import java.util.Objects;
import java.util.Optional;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.Event;

/** What {@link CheckInStore#recordVisit} decided. A closed set. */
public sealed interface VisitOutcome {

    /** The event the tap counted against; empty: a general visit to the venue. */
    Optional<Event> event();

    /** Recorded, with its outbox row; {@code visitDaysThisYear} counts days with a check-in here, this one's included. */
    record Recorded(CheckIn checkIn, Optional<Event> event, int visitDaysThisYear) implements VisitOutcome {
        public Recorded {
            Objects.requireNonNull(checkIn, "checkIn");
            Objects.requireNonNull(event, "event");
        }
    }

    /** Already recorded: to this event, or as today's general visit. Nothing was written. */
    record AlreadyRecorded(Optional<Event> event) implements VisitOutcome {
        public AlreadyRecorded {
            Objects.requireNonNull(event, "event");
        }
    }
}
