package org.culturecard.reader.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.culturecard.core.card.CardUid;

/**
 * Turns presentations into taps: the same card on the same reader within the window of its last
 * presentation or removal is the same tap (a wobbling hand, a card that flickers in the field); a
 * different card, or the same card on another reader, is a new tap. Not thread-safe: the monitor
 * thread and the read threads use it under a lock on it.
 */
public final class TapDebouncer {
    private final Duration window;
    private final Map<String, Seen> lastByReader = new HashMap<>();

    public TapDebouncer(Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("debounce window must not be negative: " + window);
        }
        this.window = window;
    }

    /** True when this presentation is a new tap. */
    public boolean isNewTap(String reader, CardUid uid, Instant now) {
        Seen last = lastByReader.put(reader, new Seen(uid, now));
        return last == null || !last.uid.equals(uid) || !now.isBefore(last.at.plus(window));
    }

    /** The card left the reader: the window runs from now. */
    public void cardLeft(String reader, Instant now) {
        lastByReader.computeIfPresent(reader, (name, seen) -> new Seen(seen.uid, now));
    }

    public void forget(String reader) {
        lastByReader.remove(reader);
    }

    private record Seen(CardUid uid, Instant at) {}
}
