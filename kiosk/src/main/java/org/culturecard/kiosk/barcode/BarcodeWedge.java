package org.culturecard.kiosk.barcode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.culturecard.core.card.LibraryBarcode;

/**
 * Tells a keyboard-wedge barcode scanner from a person at a keyboard. A scanner "types" a card's
 * number far faster than anyone can (a few milliseconds a key) and ends it with Enter; a person
 * types slowly. Characters that arrive more than {@code maxGap} apart start a new run, and only a
 * fast run closed by a fast Enter counts as a scan; what it holds is normalised by
 * {@link LibraryBarcode#parse}, the one normalisation of every path, so a scan is a card number or
 * {@linkplain Scan.Unreadable unreadable} (a scanner sending garbage). Toolkit-free: the view feeds it
 * key by key, with time from the injected clock. Used on the UI thread only.
 */
public final class BarcodeWedge {
    /** The widest gap between two keystrokes of one scan. Scanners manage under 10 ms. */
    public static final Duration STANDARD_GAP = Duration.ofMillis(50);
    /** The longest run kept: a number with a Codabar pair and white space fits well within it. */
    private static final int MAX_RUN = 64;

    private final Clock clock;
    private final Duration maxGap;
    private final StringBuilder buffer = new StringBuilder();
    private Instant last = Instant.MIN;
    private boolean overflow;

    /** What a fast run closed by Enter was. */
    public sealed interface Scan {
        /** A library card number, normalised. */
        record Number(LibraryBarcode barcode) implements Scan { }

        /** Not a card number: how many characters came (never what they were). */
        record Unreadable(int length) implements Scan { }
    }

    public BarcodeWedge(Clock clock, Duration maxGap) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxGap = Objects.requireNonNull(maxGap, "maxGap");
    }

    /** A typed character. Returns the scan when it is the Enter that closes one. */
    public Optional<Scan> typed(char character) {
        Instant now = clock.instant();
        boolean fast = !last.equals(Instant.MIN) && Duration.between(last, now).compareTo(maxGap) <= 0;
        last = now;
        if (character == '\r' || character == '\n') {
            return fast ? finish() : reset();
        }
        if (!fast) {
            reset();
        }
        if (buffer.length() < MAX_RUN) {
            buffer.append(character);
        } else {
            overflow = true;
        }
        return Optional.empty();
    }

    private Optional<Scan> finish() {
        String run = buffer.toString();
        boolean tooLong = overflow;
        reset();
        if (run.isEmpty()) {
            return Optional.empty();
        }
        Optional<LibraryBarcode> number = tooLong ? Optional.empty() : LibraryBarcode.parse(run);
        return Optional.of(number.<Scan>map(Scan.Number::new).orElseGet(() -> new Scan.Unreadable(run.length())));
    }

    private Optional<Scan> reset() {
        buffer.setLength(0);
        overflow = false;
        return Optional.empty();
    }
}
