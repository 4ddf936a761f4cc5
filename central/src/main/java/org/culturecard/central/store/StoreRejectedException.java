package org.culturecard.central.store;

/** The database refused the data itself (a constraint or a value it cannot hold): retrying will not help. */
public final class StoreRejectedException extends RuntimeException {
    public StoreRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
