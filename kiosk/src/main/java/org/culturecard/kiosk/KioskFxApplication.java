package org.culturecard.kiosk;

import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.stage.Stage;
import org.culturecard.kiosk.cds.ClassDataArchive;
import org.culturecard.kiosk.ui.fx.BackgroundTaskExecutor;
import org.culturecard.kiosk.ui.fx.FxUiThread;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.sound.ClipSounds;

/**
 * The JavaFX entry point. JavaFX builds this class itself, so the composed app is handed over
 * through {@link #PENDING} by {@link KioskLauncher}.
 */
public final class KioskFxApplication extends Application {
    static final AtomicReference<KioskApp> PENDING = new AtomicReference<>();

    private KioskApp app;
    private BackgroundTaskExecutor executor;
    private ClipSounds sounds;

    @Override
    public void start(Stage stage) {
        app = PENDING.getAndSet(null);
        if (app == null) {
            throw new IllegalStateException("start the kiosk with KioskLauncher.launch(...)");
        }
        executor = new BackgroundTaskExecutor(new FxUiThread());
        sounds = new ClipSounds();
        KioskWindow.open(stage, app, new KioskThreads(executor, executor, new FxUiThread()), sounds);
        ClassDataArchive.fromSystemProperties(System.getProperties())
                .ifPresent(archive -> archive.settleLater(ClassDataArchive.DEFAULT_DELAY));
    }

    @Override
    public void stop() {
        sounds.close();
        executor.close();
        app.close();
    }
}
