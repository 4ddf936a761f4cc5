package org.culturecard.core.wire;

/** A message that is not valid JSON of the expected schema; the message says what is wrong. */
public final class WireFormatException extends Exception {
    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
