package org.culturecard.kiosk;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.culturecard.kiosk.ui.KioskView;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.shell.KioskViewModel;
import org.culturecard.kiosk.ui.sound.ClipSounds;
import org.culturecard.kiosk.ui.sound.Sounds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a composed {@link KioskApp} on a stage: the view, kiosk-mode lockdown (full screen, no
 * exit key, close requests ignored), the uncaught-exception handler that returns to attract, and
 * the card reader started into the view model. Shared by the app and the TestFX tests.
 */
final class KioskWindow {
    private static final Logger LOG = LoggerFactory.getLogger(KioskWindow.class);
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private final KioskViewModel model;
    private final KioskView view;

    private KioskWindow(KioskViewModel model, KioskView view) {
        this.model = model;
        this.view = view;
    }

    /** Builds and shows the window on the FX thread, then starts the reader. */
    public static KioskWindow open(Stage stage, KioskApp app, KioskThreads threads, Sounds sounds) {
        KioskViewModel model = app.viewModel(threads, sounds);
        KioskView view = new KioskView(model, app.hooks().clock().getZone());
        Scene scene = view.scene(WIDTH, HEIGHT);
        stage.setTitle(model.messages().text("app.title"));
        stage.setScene(scene);
        if (app.config().kioskMode()) {
            lockDown(stage);
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (ClipSounds.isAudioFailure(error) && sounds instanceof ClipSounds clips) {
                clips.giveUp(error); // no speaker: the screens carry on, silently
                return;
            }
            LOG.error("Uncaught exception on {}; returning to the attract screen", thread.getName(), error);
            Platform.runLater(model::returnToAttract);
        });
        stage.show();
        model.start();
        app.reader().start(app.readerListener(model, threads.tasks()));
        return new KioskWindow(model, view);
    }

    private static void lockDown(Stage stage) {
        if (!stage.isShowing()) {
            stage.initStyle(javafx.stage.StageStyle.UNDECORATED);
        }
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreenExitHint("");
        stage.setFullScreen(true);
        stage.setOnCloseRequest(event -> {
            LOG.info("Close request ignored in kiosk mode");
            event.consume();
        });
    }

    public KioskViewModel model() {
        return model;
    }

    public KioskView view() {
        return view;
    }
}
