package org.culturecard.badges.keys;

import java.io.IOException;

/** A key file that others than its owner may read or write: refused, its message names the file and the fix. */
public final class InsecureKeyFileException extends IOException {
    public InsecureKeyFileException(String message) {
        super(message);
    }
}
