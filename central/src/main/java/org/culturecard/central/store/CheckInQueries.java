package org.culturecard.central.store;

import java.util.List;
import org.culturecard.core.ids.KioskId;

/** The read side of the central store that the HTTP API shows. */
public interface CheckInQueries {

    /** The newest check-ins by time received, at most {@code limit}. */
    List<StoredCheckIn> recentCheckIns(int limit);

    /** A kiosk's newest check-ins, at most {@code limit}. */
    List<StoredCheckIn> checkInsByKiosk(KioskId kiosk, int limit);

    /** How many check-ins are stored. */
    long countCheckIns();

    /** Every registered kiosk with its last known status. */
    List<KioskRow> kiosks();

    /** The newest dead letters, without their payloads. */
    List<DeadLetterRow> recentDeadLetters(int limit);
}
