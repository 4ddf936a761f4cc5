package org.culturecard.kiosk;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.culturecard.kiosk.checkin.CheckInResult;
import org.culturecard.kiosk.ui.shell.DemoCard;
import org.culturecard.kiosk.ui.shell.KioskTimings;
import org.culturecard.kiosk.ui.shell.SyncIndicator;
import org.culturecard.reader.ReaderFeedback;

/**
 * Optional things the host of the kiosk can plug in, none of them JavaFX types so that the demo
 * module needs no JavaFX import: a source for the sync indicator (the embedded sync agent's
 * state), a listener told of every result (the demo prints them), on-screen demo cards, the clock
 * screen timings, and the reader's beep-and-light feedback. Immutable; start from {@link #defaults()}.
 *
 * @param syncIndicator empty: the indicator shows the outbox backlog only
 * @param onResult      called on the UI thread after each tap; must return quickly and not throw
 */
public record KioskHooks(Optional<Supplier<SyncIndicator>> syncIndicator, Consumer<CheckInResult> onResult,
                         List<DemoCard> demoCards, Clock clock, KioskTimings timings, ReaderFeedback readerFeedback) {

    public KioskHooks {
        Objects.requireNonNull(syncIndicator, "syncIndicator");
        Objects.requireNonNull(onResult, "onResult");
        demoCards = List.copyOf(demoCards);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(readerFeedback, "readerFeedback");
    }

    /** No sync source, no listener, no demo cards, the system clock in the local zone, standard timings. */
    public static KioskHooks defaults() {
        return new KioskHooks(Optional.empty(), result -> { }, List.of(), Clock.systemDefaultZone(),
                KioskTimings.standard(), ReaderFeedback.NONE);
    }

    public KioskHooks withSyncIndicator(Supplier<SyncIndicator> source) {
        return new KioskHooks(Optional.of(source), onResult, demoCards, clock, timings, readerFeedback);
    }

    public KioskHooks withOnResult(Consumer<CheckInResult> listener) {
        return new KioskHooks(syncIndicator, listener, demoCards, clock, timings, readerFeedback);
    }

    public KioskHooks withDemoCards(List<DemoCard> cards) {
        return new KioskHooks(syncIndicator, onResult, cards, clock, timings, readerFeedback);
    }

    public KioskHooks withClock(Clock newClock) {
        return new KioskHooks(syncIndicator, onResult, demoCards, newClock, timings, readerFeedback);
    }

    /**
     * The reader's own beep and light (e.g. {@code PcscCardReader.feedback()}). A reader that
     * implements {@link ReaderFeedback} itself (the simulated one) is used without this.
     */
    public KioskHooks withReaderFeedback(ReaderFeedback feedback) {
        return new KioskHooks(syncIndicator, onResult, demoCards, clock, timings, feedback);
    }

    public KioskHooks withTimings(KioskTimings newTimings) {
        return new KioskHooks(syncIndicator, onResult, demoCards, clock, newTimings, readerFeedback);
    }
}
