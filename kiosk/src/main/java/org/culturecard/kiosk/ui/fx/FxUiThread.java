package org.culturecard.kiosk.ui.fx;

import javafx.application.Platform;

/** {@link UiThread} on the JavaFX application thread: runs at once when already on it. */
public final class FxUiThread implements UiThread {
    @Override
    public void post(Runnable work) {
        if (Platform.isFxApplicationThread()) {
            work.run();
        } else {
            Platform.runLater(work);
        }
    }
}
