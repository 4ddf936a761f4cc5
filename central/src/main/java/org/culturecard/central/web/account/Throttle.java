package org.culturecard.central.web.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed sign-ins counted per key (an account, an address) over a sliding window: after
 * {@code limit} failures inside {@code window}, the key is refused until the oldest of them
 * leaves the window. In memory (central is one process); the number of keys is bounded, the
 * least recently failed forgotten first.
 */
final class Throttle {

    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_KEYS;
        }
    };

    Throttle(Clock clock, int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** True when {@code key} has {@code limit} failures inside the window now. */
    synchronized boolean refused(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return false;
        }
        prune(times);
        return times.size() >= limit;
    }

    /** Counts one failure of {@code key}. */
    synchronized void failed(String key) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        prune(times);
        times.addLast(clock.instant());
        while (times.size() > limit) {
            times.removeFirst();
        }
    }

    /** Forgets {@code key}'s failures (after a good sign-in of that account). */
    synchronized void succeeded(String key) {
        failures.remove(key);
    }

    private void prune(Deque<Instant> times) {
        Instant oldest = clock.instant().minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
            times.removeFirst();
        }
    }
}
