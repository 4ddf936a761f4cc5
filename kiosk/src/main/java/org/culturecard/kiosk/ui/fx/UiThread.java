package org.culturecard.kiosk.ui.fx;

/**
 * The one way onto the UI thread. In the app it is {@code Platform.runLater}; view-model tests run
 * the work at once on the test thread, without the toolkit.
 */
@FunctionalInterface
public interface UiThread {
    void post(Runnable work);
}
