package org.culturecard.sync.outbox;

/** The kiosk's SQLite store could not be read or written; the agent backs off and tries again. */
public final class OutboxException extends RuntimeException {
    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
