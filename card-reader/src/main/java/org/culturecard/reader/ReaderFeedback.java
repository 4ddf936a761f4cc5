package org.culturecard.reader;

/**
 * Tells the person at the reader how their tap went, where the reader can (a beep and a green or red
 * light). Best effort: it never throws and never blocks the caller; readers it does not know get
 * nothing.
 */
@FunctionalInterface
public interface ReaderFeedback {

    /** Feedback that does nothing, for readers without a buzzer or LED. */
    ReaderFeedback NONE = (readerName, success) -> { };

    /** Signals on {@code readerName} a tap that succeeded ({@code true}) or was refused. */
    void signal(String readerName, boolean success);
}
