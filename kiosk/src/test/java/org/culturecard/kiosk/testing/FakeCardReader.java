package org.culturecard.kiosk.testing;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.culturecard.core.card.CardUid;
import org.culturecard.reader.CardReader;
import org.culturecard.reader.ReaderEvent;

/** A card reader the test drives: attach, lose, tap. Events go straight to the listener. */
public final class FakeCardReader implements CardReader {
    public static final String NAME = "Fake Reader 00 00";
    private final AtomicReference<Consumer<ReaderEvent>> listener = new AtomicReference<>();
    private final Clock clock;
    private volatile boolean closed;

    public FakeCardReader(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void start(Consumer<ReaderEvent> newListener) {
        if (!listener.compareAndSet(null, newListener)) {
            throw new IllegalStateException("started twice");
        }
        attach();
    }

    public void attach() {
        send(new ReaderEvent.ReaderAttached(NAME, clock.instant()));
    }

    public void lose() {
        send(new ReaderEvent.ReaderLost(NAME, clock.instant()));
    }

    public void tap(CardUid uid) {
        send(new ReaderEvent.CardPresented(Fixtures.tap(uid, clock.instant())));
        send(new ReaderEvent.CardRemoved(NAME, clock.instant()));
    }

    public boolean isClosed() {
        return closed;
    }

    private void send(ReaderEvent event) {
        Consumer<ReaderEvent> target = listener.get();
        if (target != null && !closed) {
            target.accept(event);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
