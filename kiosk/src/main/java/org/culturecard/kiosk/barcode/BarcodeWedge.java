package org.culturecard.kiosk.barcode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells a keyboard-wedge barcode scanner from a person at a keyboard. A scanner "types" a card's
 * number far faster than anyone can (a few milliseconds a key) and ends it with Enter; a person
 * types slowly. Characters that arrive more than {@code maxGap} apart start a new number, and only
 * a run of 4 to 32 letters or digits closed by a fast Enter counts as a scan. Toolkit-free: the
 * view feeds it key by key, with time from the injected clock. Used on the UI thread only.
 */
public final class BarcodeWedge {
    /** The widest gap between two keystrokes of one scan. Scanners manage under 10 ms. */
    public static final Duration STANDARD_GAP = Duration.ofMillis(50);
    private static final int MIN_LENGTH = 4;
    private static final int MAX_LENGTH = 32;

    private final Clock clock;
    private final Duration maxGap;
    private final StringBuilder buffer = new StringBuilder();
    private Instant last = Instant.MIN;

    public BarcodeWedge(Clock clock, Duration maxGap) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxGap = Objects.requireNonNull(maxGap, "maxGap");
    }

    /** A typed character. Returns the scanned number when it is the Enter that closes a scan. */
    public Optional<String> typed(char character) {
        Instant now = clock.instant();
        boolean fast = !last.equals(Instant.MIN) && Duration.between(last, now).compareTo(maxGap) <= 0;
        last = now;
        if (character == '\r' || character == '\n') {
            return fast ? finish() : reset();
        }
        if (!fast) {
            buffer.setLength(0);
        }
        if (Character.isLetterOrDigit(character) && character < 128 && buffer.length() < MAX_LENGTH) {
            buffer.append(character);
        } else {
            buffer.setLength(0);
        }
        return Optional.empty();
    }

    private Optional<String> finish() {
        String number = buffer.toString();
        buffer.setLength(0);
        return number.length() >= MIN_LENGTH ? Optional.of(number) : Optional.empty();
    }

    private Optional<String> reset() {
        buffer.setLength(0);
        return Optional.empty();
    }
}
