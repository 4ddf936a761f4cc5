package org.culturecard.kiosk.ui.fx;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs slow work (disk, card reader) off the UI thread and hands the outcome back on it, so the
 * screen never freezes. Tests use a same-thread executor and stay deterministic.
 */
public interface TaskExecutor extends Executor {

    /** Runs {@code work} in the background, then {@code onDone} or {@code onFailure} on the UI thread. */
    <T> void execute(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure);

    /**
     * Runs {@code work} in the background with nothing handed back: the work posts what it has
     * to the UI thread itself (the tap dispatcher's check-ins). It must not throw.
     */
    @Override
    default void execute(Runnable work) {
        execute(() -> {
            work.run();
            return null;
        }, done -> { }, failure -> { });
    }
}
