package org.culturecard.kiosk;

import javafx.application.Application;
import org.culturecard.kiosk.config.EnrolmentConfig;
import org.culturecard.kiosk.config.KioskConfig;
import org.culturecard.reader.CardReader;

/**
 * Starts the kiosk window from code that must not touch JavaFX (the demo module): compose, hand
 * over, launch. {@link #launch} blocks until the window closes (it runs the JavaFX toolkit on the
 * calling thread's behalf), then closes the reader and the store. Call it once per JVM.
 */
public final class KioskLauncher {
    private KioskLauncher() {}

    public static void launch(KioskConfig config, CardReader reader, KioskHooks hooks) {
        launch(KioskApp.compose(config, reader, hooks));
    }

    /** As above, registering cards against the library system of {@code enrolment} where it has one. */
    public static void launch(KioskConfig config, EnrolmentConfig enrolment, CardReader reader, KioskHooks hooks) {
        launch(KioskApp.compose(config, enrolment, reader, hooks));
    }

    /**
     * Launches an already composed kiosk, for callers that need its store first (the demo prepares
     * the database that its sync agent shares, and enrols the demo staff card).
     */
    public static void launch(KioskApp app) {
        if (!KioskFxApplication.PENDING.compareAndSet(null, app)) {
            app.close();
            throw new IllegalStateException("the kiosk has already been launched in this JVM");
        }
        Application.launch(KioskFxApplication.class);
    }
}
