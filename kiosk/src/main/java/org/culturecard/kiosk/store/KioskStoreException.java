package org.culturecard.kiosk.store;

/** The one unchecked failure of the kiosk store: the disk or the database file let us down. */
public final class KioskStoreException extends RuntimeException {
    public KioskStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
