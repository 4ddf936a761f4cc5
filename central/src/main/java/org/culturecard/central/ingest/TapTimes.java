package org.culturecard.central.ingest;

import java.time.Duration;
import java.time.Instant;
import org.culturecard.central.store.PlacedCheckIn;
import org.culturecard.central.store.TimeBasis;
import org.culturecard.core.checkin.CheckIn;

/**
 * Places a tap in time when the kiosk's clock may be wrong (ADR 9). A time is plausible from the
 * scheme's start to one day after central received it. A plausible {@code tappedAt} stands. When
 * it is not, and the batch's {@code sentAt} is not plausible either, both came from the same
 * wrong clock, so the tap is re-based on central's receipt time: {@code receivedAt - (sentAt -
 * tappedAt)}. A tap that still cannot be placed is kept, at the receipt time, marked implausible
 * so that reports leave it out. Never refuses: a real tap is never lost to a kiosk's clock.
 */
final class TapTimes {

    /** Taps before this instant cannot come from this scheme. */
    public static final Instant SCHEME_START = Instant.parse("2020-01-01T00:00:00Z");
    /** How far ahead of central's clock a time may be (kiosk clocks drift). */
    public static final Duration MAX_AHEAD = Duration.ofDays(1);

    private TapTimes() {
    }

    /** Whether a kiosk's time can be true, given when central received the message. */
    public static boolean plausible(Instant time, Instant receivedAt) {
        return !time.isBefore(SCHEME_START) && !time.isAfter(receivedAt.plus(MAX_AHEAD));
    }

    /** Where to store {@code record}'s tap, sent in a batch stamped {@code sentAt} and received at {@code receivedAt}. */
    public static PlacedCheckIn place(CheckIn record, Instant sentAt, Instant receivedAt) {
        Instant claimed = record.tappedAt();
        if (plausible(claimed, receivedAt)) {
            return PlacedCheckIn.asTapped(record);
        }
        if (!plausible(sentAt, receivedAt) && !claimed.isAfter(sentAt)) {
            Instant rebased = rebase(claimed, sentAt, receivedAt);
            if (rebased != null && plausible(rebased, receivedAt)) {
                return new PlacedCheckIn(record, rebased, TimeBasis.REBASED);
            }
        }
        return new PlacedCheckIn(record, receivedAt, TimeBasis.IMPLAUSIBLE);
    }

    /** {@code receivedAt - (sentAt - tappedAt)}, or null when the gap does not fit a Duration's arithmetic. */
    private static Instant rebase(Instant tappedAt, Instant sentAt, Instant receivedAt) {
        try {
            return receivedAt.minus(Duration.between(tappedAt, sentAt));
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }
}
