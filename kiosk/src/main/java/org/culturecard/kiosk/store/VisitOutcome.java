package org.culturecard.kiosk.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.Event;
import org.culturecard.core.wire.PendingAward;

/** What {@link CheckInStore#recordVisit} decided. A closed set. */
public sealed interface VisitOutcome {

    /** The event the tap counted against; empty: a general visit to the venue. */
    Optional<Event> event();

    /**
     * Recorded, with its outbox row; {@code visitDaysThisYear} counts days with a check-in here, this one's included;
     * {@code awards} are the card's awards to show, marked shown in the same transaction (ADR 37).
     */
    record Recorded(CheckIn checkIn, Optional<Event> event, int visitDaysThisYear, List<PendingAward> awards)
            implements VisitOutcome {
        public Recorded {
            Objects.requireNonNull(checkIn, "checkIn");
            Objects.requireNonNull(event, "event");
            awards = awards == null ? List.of() : List.copyOf(awards);
        }

        /** Recorded, with no award to show. */
        public Recorded(CheckIn checkIn, Optional<Event> event, int visitDaysThisYear) {
            this(checkIn, event, visitDaysThisYear, List.of());
        }
    }

    /** Already recorded: to this event, or as today's general visit. Nothing was written. */
    record AlreadyRecorded(Optional<Event> event) implements VisitOutcome {
        public AlreadyRecorded {
            Objects.requireNonNull(event, "event");
        }
    }
}
