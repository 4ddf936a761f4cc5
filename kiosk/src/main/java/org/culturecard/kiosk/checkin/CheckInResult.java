package org.culturecard.kiosk.checkin;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.culturecard.core.checkin.CheckIn;
import org.culturecard.core.event.Event;
import org.culturecard.core.wire.PendingAward;

/**
 * What a tap came to. A closed set, so that every screen the kiosk can show is decided by the
 * compiler: an expected outcome (a phone, a second tap) is a result, never an exception.
 */
public sealed interface CheckInResult {

    /**
     * Checked in to the running event; {@code visitNumberThisYear} counts days with a check-in here;
     * {@code registration} is what the enrolled-card filter says of the card (recorded either way);
     * {@code awards} what the card earned since it was last shown an award (ADR 37).
     */
    record Recorded(CheckIn checkIn, Event event, int visitNumberThisYear, Registration registration,
            List<PendingAward> awards) implements CheckInResult {
        public Recorded {
            Objects.requireNonNull(checkIn, "checkIn");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(registration, "registration");
            awards = awards == null ? List.of() : List.copyOf(awards);
        }

        /** A check-in with no award to show. */
        public Recorded(CheckIn checkIn, Event event, int visitNumberThisYear, Registration registration) {
            this(checkIn, event, visitNumberThisYear, registration, List.of());
        }

        /** A check-in at a kiosk that knows nothing of registration. */
        public Recorded(CheckIn checkIn, Event event, int visitNumberThisYear) {
            this(checkIn, event, visitNumberThisYear, Registration.UNKNOWN);
        }
    }

    /** No event running: recorded as a visit to the venue (once per person per day). */
    record GeneralVisit(CheckIn checkIn, int visitNumberThisYear, Registration registration, List<PendingAward> awards)
            implements CheckInResult {
        public GeneralVisit {
            Objects.requireNonNull(checkIn, "checkIn");
            Objects.requireNonNull(registration, "registration");
            awards = awards == null ? List.of() : List.copyOf(awards);
        }

        /** A visit with no award to show. */
        public GeneralVisit(CheckIn checkIn, int visitNumberThisYear, Registration registration) {
            this(checkIn, visitNumberThisYear, registration, List.of());
        }

        /** A visit at a kiosk that knows nothing of registration. */
        public GeneralVisit(CheckIn checkIn, int visitNumberThisYear) {
            this(checkIn, visitNumberThisYear, Registration.UNKNOWN);
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

    /** An enrolled staff card that opens staff mode on its own (card-only venues). Never recorded as a check-in. */
    record StaffCard(String staffName) implements CheckInResult {
        public StaffCard {
            Objects.requireNonNull(staffName, "staffName");
        }
    }

    /** An enrolled staff card: that member's PIN is asked next. Never recorded as a check-in. */
    record StaffPinNeeded(UUID staffId, String staffName) implements CheckInResult {
        public StaffPinNeeded {
            Objects.requireNonNull(staffId, "staffId");
            Objects.requireNonNull(staffName, "staffName");
        }
    }

    /** A staff card that may not open staff mode: refused, never recorded as a check-in. */
    record StaffCardRefused(Reason reason) implements CheckInResult {
        /** Why: each has its own words on screen. */
        public enum Reason {
            /** Central revoked the card's holder: a lost card, or someone who left. */
            REVOKED,
            /** The venue needs a PIN with the card and none is set for its holder. */
            NO_PIN
        }

        public StaffCardRefused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** True for a new check-in of a card the venue asks to be registered (record and remind): recorded all the same. */
    static boolean remindToRegister(CheckInResult result) {
        return result instanceof Recorded recorded && recorded.registration().remind()
                || result instanceof GeneralVisit visit && visit.registration().remind();
    }

    /** The awards to show with a new check-in (ADR 37): none for any other result. */
    static List<PendingAward> awardsOf(CheckInResult result) {
        if (result instanceof Recorded recorded) {
            return recorded.awards();
        }
        return result instanceof GeneralVisit visit ? visit.awards() : List.of();
    }

    /** True for the results the reader signals as refused (red light): a phone, a refused staff card. */
    static boolean isRefusal(CheckInResult result) {
        return result instanceof NotALibraryCard || result instanceof StaffCardRefused;
    }
}
