package org.culturecard.core.status;

/**
 * The kiosk's card reader state, in the kiosk database's settings row {@value #SETTING}: the kiosk
 * writes it when its readers come and go, the sync agent reads it into the status message. One
 * definition for both processes, beside {@link DiskBudget} which crosses the same file the other way.
 */
public final class ReaderState {
    /** The settings row's key. */
    public static final String SETTING = "reader.state";

    private ReaderState() {}
}
