package org.culturecard.kiosk.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.culturecard.core.enrolment.Enrolment;

/** What enrolment needs from the kiosk's store; every method touches the disk. */
public interface EnrolmentStore {
    /** The id of the staff member of this display name, if there is one. */
    Optional<UUID> staffIdByName(String displayName);

    /** Appends a record to the enrolment outbox (on disk when this returns). */
    void append(Enrolment record);

    /** Today's ENROL and REPLACE records (the kiosk's local day) that no UNDO took back, newest first. */
    List<Enrolment> undoableToday();
}
