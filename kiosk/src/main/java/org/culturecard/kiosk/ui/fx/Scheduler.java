package org.culturecard.kiosk.ui.fx;

import java.time.Duration;

/** Runs work on the UI thread after a delay: result screens return to attract, staff mode times out. */
public interface Scheduler {

    /** Schedules {@code work}; the returned handle cancels it if it has not run. */
    Cancellable after(Duration delay, Runnable work);

    /** A scheduled piece of work that can still be called off. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
