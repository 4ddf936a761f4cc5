package org.culturecard.sync.outbox;

/** The kiosk database could not be opened for the agent (missing, not a database, or not migratable): the agent stops. */
public final class OutboxException extends RuntimeException {
    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
