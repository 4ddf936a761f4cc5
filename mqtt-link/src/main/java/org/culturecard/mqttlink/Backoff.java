package org.culturecard.mqttlink;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: after the n-th failure in a row the wait is drawn uniformly
 * between {@code min} and {@code min * 2^n} (capped at {@code max}). The jitter spreads a fleet of
 * kiosks that lost the broker together, so they do not all come back in the same second. The one
 * backoff of every MQTT connection (the sync agent's and central's), and of central's store retries.
 */
public final class Backoff {
    /** Central's connections and store retries: from 100 ms up to 10 s. */
    private static final Backoff STANDARD = jittered(Duration.ofMillis(100), Duration.ofSeconds(10));

    private final Duration min;
    private final Duration max;
    private final DoubleSupplier random;

    /** {@code random} yields values in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}. */
    public Backoff(Duration min, Duration max, DoubleSupplier random) {
        this.min = Objects.requireNonNull(min, "min");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < min <= max, not " + min + " and " + max);
        }
    }

    /** From {@code min} up to {@code max}, jittered by {@link ThreadLocalRandom}. */
    public static Backoff jittered(Duration min, Duration max) {
        return new Backoff(min, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** 100 ms up to 10 s, jittered: central's connections and store retries. */
    public static Backoff standard() {
        return STANDARD;
    }

    /** The wait before retry number {@code failures} (1 after the first failure). */
    public Duration delay(int failures) {
        long cap = ceiling(failures).toMillis();
        long floor = min.toMillis();
        return Duration.ofMillis(floor + (long) (random.getAsDouble() * (cap - floor + 1)));
    }

    /** The upper bound of {@link #delay} for {@code failures}: {@code min * 2^(failures-1)}, at most {@code max}. */
    public Duration ceiling(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 40));
        long millis = min.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** The longest wait, used after the broker refuses our credentials: retrying sooner cannot help. */
    public Duration max() {
        return max;
    }
}
