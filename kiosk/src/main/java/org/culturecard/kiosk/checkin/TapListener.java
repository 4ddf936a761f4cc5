package org.culturecard.kiosk.checkin;

/**
 * What the {@link TapDispatcher} tells the screens: results and the readers' status, never a tap.
 * Each method is called off the UI thread and must hand its work over to it and return at once.
 */
public interface TapListener {

    /** A tap was checked in; called on the worker thread, after the check-in is on disk. */
    void checkedIn(CheckInResult result);

    /** A tap could not be checked in (the store failed); called on the worker thread. */
    void checkInFailed(Throwable error);

    /** The readers' status changed; called on the card reader's thread. */
    void readersChanged(ReaderStatus readers);
}
