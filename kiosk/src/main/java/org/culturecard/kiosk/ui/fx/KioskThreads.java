package org.culturecard.kiosk.ui.fx;

import java.util.Objects;

/** The threading seams of the view model: background work, timers, and the UI thread. */
public record KioskThreads(TaskExecutor tasks, Scheduler scheduler, UiThread ui) {
    public KioskThreads {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(ui, "ui");
    }
}
