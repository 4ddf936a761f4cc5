package org.culturecard.reader;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the PC/SC reader's threads send their events: the monitor and every read thread emit, the
 * listener sees one event at a time, and none once closed. A listener that throws is logged and the
 * reader goes on. Also the clock that stamps the events and taps.
 */
final class ReaderEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ReaderEvents.class);

    private final Clock clock;
    private final Object emitting = new Object();
    private volatile Consumer<ReaderEvent> listener;

    ReaderEvents(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    void open(Consumer<ReaderEvent> eventListener) {
        this.listener = Objects.requireNonNull(eventListener, "listener");
    }

    /**
     * No further event reaches the listener (one being delivered may finish). Not under the lock, so
     * that closing from a thread the listener waits on cannot deadlock.
     */
    void close() {
        listener = null;
    }

    void emit(ReaderEvent event) {
        synchronized (emitting) {
            Consumer<ReaderEvent> target = listener;
            if (target == null) {
                return;
            }
            try {
                target.accept(event);
            } catch (RuntimeException e) {
                LOG.error("a reader event listener threw; the reader goes on", e);
            }
        }
    }

    Instant now() {
        return clock.instant();
    }
}
