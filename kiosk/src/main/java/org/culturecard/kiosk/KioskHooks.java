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
 * screen timings, and the reader's beep-and-light feedback. Immutable; start from {@link #defaults()} or {@link #builder()}.
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
        return builder().build();
    }

    /** Starts from {@link #defaults()}; each setter replaces one part. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link KioskHooks}; unset parts keep their defaults. */
    public static final class Builder {
        private Optional<Supplier<SyncIndicator>> syncIndicator = Optional.empty();
        private Consumer<CheckInResult> onResult = result -> { };
        private List<DemoCard> demoCards = List.of();
        private Clock clock = Clock.systemDefaultZone();
        private KioskTimings timings = KioskTimings.standard();
        private ReaderFeedback readerFeedback = ReaderFeedback.NONE;

        private Builder() { }

        public Builder syncIndicator(Supplier<SyncIndicator> source) {
            this.syncIndicator = Optional.of(source);
            return this;
        }

        public Builder onResult(Consumer<CheckInResult> listener) {
            this.onResult = listener;
            return this;
        }

        public Builder demoCards(List<DemoCard> cards) {
            this.demoCards = cards;
            return this;
        }

        public Builder clock(Clock newClock) {
            this.clock = newClock;
            return this;
        }

        /**
         * The reader's own beep and light (e.g. {@code PcscCardReader.feedback()}). A reader that
         * implements {@link ReaderFeedback} itself (the simulated one) is used without this.
         */
        public Builder readerFeedback(ReaderFeedback feedback) {
            this.readerFeedback = feedback;
            return this;
        }

        public Builder timings(KioskTimings newTimings) {
            this.timings = newTimings;
            return this;
        }

        public KioskHooks build() {
            return new KioskHooks(syncIndicator, onResult, demoCards, clock, timings, readerFeedback);
        }
    }
}
