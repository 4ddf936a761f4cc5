package org.culturecard.kiosk.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (disk, card reader) off the UI thread and hands the outcome back on it, so the
 * screen never freezes. Tests use a same-thread executor and stay deterministic.
 */
public interface TaskExecutor {

    /** Runs {@code work} in the background, then {@code onDone} or {@code onFailure} on the UI thread. */
    <T> void execute(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure);
}
