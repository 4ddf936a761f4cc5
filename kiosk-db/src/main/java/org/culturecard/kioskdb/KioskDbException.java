package org.culturecard.kioskdb;

/**
 * The one unchecked failure of kiosk-db: the file could not be opened, migrated, read or written
 * (the disk, a lock held past the busy timeout, a file that is not a kiosk database). Its message
 * says what was being done and why it failed; it never holds a row's values.
 */
public final class KioskDbException extends RuntimeException {
    public KioskDbException(String message, Throwable cause) {
        super(message, cause);
    }

    public KioskDbException(String message) {
        super(message);
    }
}
