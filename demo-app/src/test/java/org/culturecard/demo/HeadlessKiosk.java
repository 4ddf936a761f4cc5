package org.culturecard.demo;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.culturecard.kiosk.KioskApp;
import org.culturecard.kiosk.ui.fx.BackgroundTaskExecutor;
import org.culturecard.kiosk.ui.fx.KioskThreads;
import org.culturecard.kiosk.ui.screen.Screen;
import org.culturecard.kiosk.ui.shell.KioskViewModel;
import org.culturecard.kiosk.ui.sound.Sounds;

/**
 * The kiosk's real view model and tap dispatcher as the window runs them, without the toolkit: one
 * thread plays the UI thread, the kiosk's own {@link BackgroundTaskExecutor} does the slow work, and
 * the real card reader feeds {@link KioskApp#readerListener}. The test reads and drives the screens
 * on the UI thread ({@link #onUi}), so what it sees is what the window would show.
 */
final class HeadlessKiosk implements AutoCloseable {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "headless-ui"));
    private final BackgroundTaskExecutor tasks = new BackgroundTaskExecutor(ui::execute);
    private final KioskViewModel model;

    private HeadlessKiosk(KioskApp app) {
        model = app.viewModel(new KioskThreads(tasks, tasks, ui::execute), Sounds.SILENT);
        onUi(() -> {
            model.start();
            return null;
        });
        app.reader().start(app.readerListener(model, tasks));
    }

    /** Starts the view model and the kiosk's card reader. */
    static HeadlessKiosk start(KioskApp app) {
        return new HeadlessKiosk(app);
    }

    /** {@code work} on the UI thread, waited for. */
    <T> T onUi(Callable<T> work) {
        try {
            return ui.submit(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the UI thread did not answer", e);
        }
    }

    /** {@code work} on the UI thread, waited for. */
    void run(Runnable work) {
        onUi(() -> {
            work.run();
            return null;
        });
    }

    Screen screen() {
        return onUi(model::screen);
    }

    /** The model, to be touched on the UI thread only. */
    KioskViewModel model() {
        return model;
    }

    /** Waits up to {@code timeout} for {@code screen}. */
    void awaitScreen(Screen screen, Duration timeout) {
        org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> screen() == screen);
    }

    @Override
    public void close() {
        tasks.close();
        ui.shutdownNow();
    }
}
