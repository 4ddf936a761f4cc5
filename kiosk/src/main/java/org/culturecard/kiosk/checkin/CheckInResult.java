package org.culturecard.kiosk.checkin;

import java.util.Objects;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.Event;

/**
 * What a tap came to. A closed set, so that every screen the kiosk can show is decided by the
 * compiler: an expected outcome (a phone, a second tap) is a result, never an exception.
 */
public sealed interface CheckInResult {

    /** Checked in to the running event; {@code visitNumberThisYear} counts days with a check-in here. */
    record Recorded(CheckIn checkIn, Event event, int visitNumberThisYear) implements CheckInResult {
        public Recorded {
            Objects.requireNonNull(checkIn, "checkIn");
            Objects.requireNonNull(event, "event");
        }
    }

    /** No event running: recorded as a visit to the venue (once per person per day). */
    record GeneralVisit(CheckIn checkIn, int visitNumberThisYear) implements CheckInResult {
        public GeneralVisit {
            Objects.requireNonNull(checkIn, "checkIn");
        }
    }

    /**
     * Already checked in: to {@code event}, or, when {@code event} is null, already recorded as
     * today's general visit. Nothing new was written.
     */
    record AlreadyCheckedIn(Event event) implements CheckInResult {
        public boolean isGeneralVisit() {
            return event == null;
        }
    }

    /** A card with a random ID (a phone, a bank card): refused kindly, never recorded. */
    record NotALibraryCard() implements CheckInResult {}

    /** An enrolled staff card: opens staff mode. Never recorded as a check-in. */
    record StaffCard(String staffName) implements CheckInResult {
        public StaffCard {
            Objects.requireNonNull(staffName, "staffName");
        }
    }
}
