package org.culturecard.kiosk.testing;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.culturecard.kiosk.ui.fx.TaskExecutor;

/** Runs background work at once on the caller's thread: view-model tests stay deterministic. */
public final class SameThreadTasks implements TaskExecutor {
    @Override
    public <T> void execute(Callable<T> work, Consumer<T> onDone, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onDone.accept(result);
    }
}
