package org.culturecard.central.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.culturecard.central.TestBatches;
import org.culturecard.central.store.PlacedCheckIn;
import org.culturecard.central.store.TimeBasis;
import org.culturecard.core.checkin.CheckIn;
import org.junit.jupiter.api.Test;

class TapTimesTest {

    private static final Instant RECEIVED = TestBatches.NOW;
    private final TestBatches batches = new TestBatches(3);

    @Test
    void aPlausibleTapStandsWhateverTheBatchSaysOfItsSending() {
        CheckIn tap = tap(RECEIVED.minus(Duration.ofDays(40)));
        assertThat(TapTimes.place(tap, Instant.EPOCH, RECEIVED)).isEqualTo(PlacedCheckIn.asTapped(tap));
        assertThat(TapTimes.place(tap, RECEIVED, RECEIVED).basis()).isEqualTo(TimeBasis.KIOSK);
    }

    @Test
    void aTapAndASendingBothIn1970AreRebasedOnTheReceiptTime() {
        Instant tapped = Instant.parse("1970-01-01T00:05:00Z");
        PlacedCheckIn placed = TapTimes.place(tap(tapped), tapped.plus(Duration.ofHours(3)), RECEIVED);
        assertThat(placed.basis()).isEqualTo(TimeBasis.REBASED);
        assertThat(placed.tappedAt()).isEqualTo(RECEIVED.minus(Duration.ofHours(3)));
        assertThat(placed.kioskClaim()).isEqualTo(tapped);
        assertThat(placed.reported()).isTrue();
    }

    @Test
    void aClockFarAheadForBothIsRebasedToo() {
        Instant tapped = Instant.parse("2099-06-01T10:00:00Z");
        PlacedCheckIn placed = TapTimes.place(tap(tapped), tapped.plusSeconds(30), RECEIVED);
        assertThat(placed.basis()).isEqualTo(TimeBasis.REBASED);
        assertThat(placed.tappedAt()).isEqualTo(RECEIVED.minusSeconds(30));
    }

    @Test
    void aWrongTapTimeSentByARightClockCannotBePlacedAndIsKeptMarkedImplausible() {
        Instant tapped = Instant.parse("1970-01-01T00:05:00Z");
        PlacedCheckIn placed = TapTimes.place(tap(tapped), RECEIVED.minusSeconds(5), RECEIVED);
        assertThat(placed.basis()).isEqualTo(TimeBasis.IMPLAUSIBLE);
        assertThat(placed.tappedAt()).isEqualTo(RECEIVED);
        assertThat(placed.kioskClaim()).isEqualTo(tapped);
        assertThat(placed.reported()).isFalse();
    }

    @Test
    void aTapAfterItsOwnSendingOrARebaseStillBefore2020IsImplausible() {
        Instant tapped = Instant.parse("1970-01-02T00:00:00Z");
        assertThat(TapTimes.place(tap(tapped), tapped.minusSeconds(60), RECEIVED).basis()).isEqualTo(TimeBasis.IMPLAUSIBLE);
        Instant ancient = Instant.parse("1900-01-01T00:00:00Z");
        assertThat(TapTimes.place(tap(ancient), Instant.parse("1970-01-01T00:00:00Z"), RECEIVED).basis())
                .isEqualTo(TimeBasis.IMPLAUSIBLE);
    }

    @Test
    void extremeInstantsNeverThrow() {
        PlacedCheckIn placed = TapTimes.place(tap(Instant.MIN), Instant.MAX, RECEIVED);
        assertThat(placed.basis()).isEqualTo(TimeBasis.IMPLAUSIBLE);
    }

    private CheckIn tap(Instant tappedAt) {
        return batches.checkIn("v1", "k1", tappedAt);
    }
}
