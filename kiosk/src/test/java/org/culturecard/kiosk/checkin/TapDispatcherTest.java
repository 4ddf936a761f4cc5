package org.culturecard.kiosk.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.culturecard.core.card.CardTap;
import org.culturecard.kiosk.testing.Fixtures;
import org.culturecard.reader.ReaderEvent;
import org.junit.jupiter.api.Test;

/** The tap path's logic with fakes: a worker the test runs by hand and a listener that records. */
class TapDispatcherTest {
    private static final Instant NOW = Instant.parse("2026-03-14T18:30:00Z");

    private final List<Runnable> worker = new ArrayList<>();
    private final List<CardTap> checkedIn = new ArrayList<>();
    private final Recording screens = new Recording();
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private Function<CardTap, CheckInResult> checkIn = tap -> {
        checkedIn.add(tap);
        return new CheckInResult.NotALibraryCard();
    };

    private TapDispatcher dispatcher() {
        return new TapDispatcher(tap -> checkIn.apply(tap), worker::add, accepting::get, screens);
    }

    @Test
    void aTapIsCheckedInOnTheWorkerAndOnlyItsResultReachesTheScreens() {
        TapDispatcher dispatcher = dispatcher();

        dispatcher.accept(new ReaderEvent.CardPresented(Fixtures.tap(Fixtures.AMIRA, NOW)));

        assertThat(checkedIn).as("nothing is checked in on the reader's thread").isEmpty();
        assertThat(worker).hasSize(1);
        worker.remove(0).run();
        assertThat(checkedIn).singleElement().satisfies(tap -> assertThat(tap.uid()).isEqualTo(Fixtures.AMIRA));
        assertThat(screens.results).containsExactly(new CheckInResult.NotALibraryCard());
        assertThat(screens.failures).isEmpty();
    }

    @Test
    void aTapWhileStaffPagesShowIsDroppedBeforeAnythingIsRecorded() {
        accepting.set(false);

        dispatcher().accept(new ReaderEvent.CardPresented(Fixtures.tap(Fixtures.AMIRA, NOW)));

        assertThat(worker).isEmpty();
        assertThat(checkedIn).isEmpty();
        assertThat(screens.results).isEmpty();
    }

    @Test
    void aCheckInThatFailsIsReportedToTheScreensNotThrownAtTheWorker() {
        IllegalStateException broken = new IllegalStateException("disk gone");
        checkIn = tap -> {
            throw broken;
        };
        TapDispatcher dispatcher = dispatcher();
        dispatcher.accept(new ReaderEvent.CardPresented(Fixtures.tap(Fixtures.AMIRA, NOW)));

        worker.remove(0).run();

        assertThat(screens.failures).containsExactly(broken);
        assertThat(screens.results).isEmpty();
    }

    @Test
    void theReadersStatusIsPassedOnOnlyWhenItChanges() {
        TapDispatcher dispatcher = dispatcher();

        dispatcher.accept(new ReaderEvent.ReaderAttached("Reader A", NOW));
        dispatcher.accept(new ReaderEvent.CardRemoved("Reader A", NOW));
        dispatcher.accept(new ReaderEvent.ReaderAttached("Reader A", NOW));
        dispatcher.accept(new ReaderEvent.ReaderAttached("Reader B", NOW));
        dispatcher.accept(new ReaderEvent.ServiceDown("SCARD_E_NO_SERVICE", NOW));
        dispatcher.accept(new ReaderEvent.ServiceUp(NOW));
        dispatcher.accept(new ReaderEvent.ReaderLost("Reader A", NOW));

        assertThat(screens.readers).containsExactly(
                new ReaderStatus(true, List.of("Reader A")),
                new ReaderStatus(true, List.of("Reader A", "Reader B")),
                new ReaderStatus(false, List.of()),
                new ReaderStatus(true, List.of()));
        assertThat(screens.readers.get(1).works()).isTrue();
        assertThat(screens.readers.get(2).works()).isFalse();
        assertThat(screens.readers.get(3).works()).as("the service is back, but no reader yet").isFalse();
        assertThat(worker).isEmpty();
    }

    private static final class Recording implements TapListener {
        final List<CheckInResult> results = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        final List<ReaderStatus> readers = new ArrayList<>();

        @Override
        public void checkedIn(CheckInResult result) {
            results.add(result);
        }

        @Override
        public void checkInFailed(Throwable error) {
            failures.add(error);
        }

        @Override
        public void readersChanged(ReaderStatus status) {
            readers.add(status);
        }
    }
}
