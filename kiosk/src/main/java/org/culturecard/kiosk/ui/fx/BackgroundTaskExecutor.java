package org.culturecard.kiosk.ui.fx;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@link TaskExecutor} and {@link Scheduler}: one background thread, so taps are handled
 * one at a time and in order, and one timer thread; outcomes are posted to the UI thread.
 */
public final class BackgroundTaskExecutor implements TaskExecutor, Scheduler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTaskExecutor.class);

    private final UiThread ui;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(daemon("kiosk-worker"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("kiosk-timer"));

    public BackgroundTaskExecutor(UiThread ui) {
        this.ui = ui;
    }

    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure) {
        worker.execute(() -> {
            try {
                T result = work.call();
                ui.post(() -> onDone.accept(result));
            } catch (Exception | Error e) {
                ui.post(() -> onFailure.accept(e));
            }
        });
    }

    /** Straight onto the worker, with no hop back to the UI thread. */
    @Override
    public void execute(Runnable work) {
        worker.execute(work);
    }

    @Override
    public Cancellable after(Duration delay, Runnable work) {
        ScheduledFuture<?> future = timer.schedule(() -> ui.post(work), delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The kiosk worker did not finish within 5 s");
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
