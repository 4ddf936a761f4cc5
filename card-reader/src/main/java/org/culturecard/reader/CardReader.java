package org.culturecard.reader;

import java.util.function.Consumer;

/**
 * The port to whatever reads cards: PC/SC readers ({@link PcscCardReader}) or on-screen demo cards
 * ({@link SimulatedCardReader}). Events arrive on the reader's own thread, never the caller's;
 * a listener must return quickly and must not throw.
 */
public interface CardReader extends AutoCloseable {

    /** Starts reading and sends every {@link ReaderEvent} to {@code listener}. Called once. */
    void start(Consumer<ReaderEvent> listener);

    /** Stops reading and releases the readers; no events arrive after it returns. */
    @Override
    void close();
}
