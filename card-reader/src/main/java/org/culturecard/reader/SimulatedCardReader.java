package org.culturecard.reader;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.culturecard.core.card.CardKind;
import org.culturecard.core.card.CardTap;
import org.culturecard.core.card.CardUid;

/**
 * A card reader driven by code: the demo's on-screen cards and the kiosk's tests inject taps and
 * reader or service incidents. It announces one reader, {@value #READER_NAME}, on start. Events are
 * delivered on the caller's thread, synchronously, which keeps kiosk tests deterministic. It also
 * records the feedback signals the kiosk sends, so tests can assert them.
 */
public final class SimulatedCardReader implements CardReader, ReaderFeedback {
    public static final String READER_NAME = "Demo reader";

    private final Clock clock;
    private final List<Signal> signals = new ArrayList<>();
    private volatile Consumer<ReaderEvent> listener;

    /** A feedback signal the kiosk sent. */
    public record Signal(String readerName, boolean success) {}

    public SimulatedCardReader(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void start(Consumer<ReaderEvent> eventListener) {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        listener = Objects.requireNonNull(eventListener, "listener");
        readerAttached(READER_NAME);
    }

    /** A card with this UID and kind tapped on the demo reader: CardPresented, then CardRemoved. */
    public void tap(CardUid uid, CardKind kind) {
        emit(new ReaderEvent.CardPresented(new CardTap(uid, new byte[0], kind, READER_NAME, clock.instant())));
        emit(new ReaderEvent.CardRemoved(READER_NAME, clock.instant()));
    }

    /** A MIFARE Classic 1K card with these UID bytes (4, 7 or 10) tapped on the demo reader. */
    public void tap(byte[] uid) {
        tap(CardUid.of(uid), CardKind.MIFARE_CLASSIC_1K);
    }

    /** A demo card tapped on the demo reader. */
    public void tap(DemoCards.DemoCard card) {
        tap(card.uid(), card.kind());
    }

    public void readerAttached(String readerName) {
        emit(new ReaderEvent.ReaderAttached(readerName, clock.instant()));
    }

    public void readerLost(String readerName) {
        emit(new ReaderEvent.ReaderLost(readerName, clock.instant()));
    }

    public void serviceDown(String reason) {
        emit(new ReaderEvent.ServiceDown(reason, clock.instant()));
    }

    public void serviceUp() {
        emit(new ReaderEvent.ServiceUp(clock.instant()));
    }

    @Override
    public synchronized void signal(String readerName, boolean success) {
        signals.add(new Signal(readerName, success));
    }

    /** The feedback signals received so far, oldest first. */
    public synchronized List<Signal> signals() {
        return List.copyOf(signals);
    }

    @Override
    public void close() {
        listener = null;
    }

    private void emit(ReaderEvent event) {
        Consumer<ReaderEvent> current = listener;
        if (current == null) {
            throw new IllegalStateException("the simulated reader is not started (or is closed)");
        }
        current.accept(event);
    }
}
