package org.culturecard.central.store;

/** The database could not be reached or the transaction failed for a passing reason: try again. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
