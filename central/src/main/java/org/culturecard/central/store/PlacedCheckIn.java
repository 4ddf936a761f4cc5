package org.culturecard.central.store;

import java.time.Instant;
import java.util.Objects;
import org.culturecard.core.checkin.CheckIn;

/**
 * A check-in as it will be stored: the kiosk's record and the tap time central places it at.
 * When {@code basis} is not {@link TimeBasis#KIOSK}, the record's own {@code tappedAt} is kept as
 * the kiosk's claim beside it.
 */
public record PlacedCheckIn(CheckIn record, Instant tappedAt, TimeBasis basis) {

    public PlacedCheckIn {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(tappedAt, "tappedAt");
        Objects.requireNonNull(basis, "basis");
    }

    /** A record whose own tap time stands. */
    public static PlacedCheckIn asTapped(CheckIn record) {
        return new PlacedCheckIn(record, record.tappedAt(), TimeBasis.KIOSK);
    }

    /** The kiosk's claim when it is not the stored time, else null. */
    public Instant kioskClaim() {
        return basis == TimeBasis.KIOSK ? null : record.tappedAt();
    }

    /** Whether reports count it (an implausible time is left out). */
    public boolean reported() {
        return basis != TimeBasis.IMPLAUSIBLE;
    }
}
