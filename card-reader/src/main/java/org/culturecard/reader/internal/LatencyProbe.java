package org.culturecard.reader.internal;

/**
 * The benchmark's hook into a tap: nanoTime of the status change, of the read starting on the
 * reader's read thread, and of the emitted tap, and how long of that was spent inside PC/SC calls
 * (SCardConnect and the UID exchange, i.e. waiting on pcscd, the reader driver and the card), so our
 * own share can be told apart.
 */
@FunctionalInterface
public interface LatencyProbe {
    LatencyProbe NONE = (seen, started, inPcsc, emitted) -> { };

    void tapEmitted(long statusChangeSeenNanos, long readStartedNanos, long inPcscNanos, long emittedNanos);
}
