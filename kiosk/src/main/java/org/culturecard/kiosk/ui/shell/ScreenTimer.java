package org.culturecard.kiosk.ui.shell;

import java.time.Duration;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.culturecard.kiosk.ui.fx.Scheduler;
import org.culturecard.kiosk.ui.screen.Screen;

/**
 * Which screen shows and when it goes back by itself: a result after a few seconds, staff mode after
 * a minute without a touch. Part of {@link KioskViewModel}; UI thread only.
 */
final class ScreenTimer {
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.ATTRACT);
    private final Scheduler scheduler;
    private final KioskTimings timings;
    private final Runnable whenOver;
    private Scheduler.Cancellable pendingReturn = () -> { };

    /** @param whenOver what runs when a shown screen's time is over (back to attract) */
    ScreenTimer(Scheduler scheduler, KioskTimings timings, Runnable whenOver) {
        this.scheduler = scheduler;
        this.timings = timings;
        this.whenOver = whenOver;
    }

    /** Shows a screen that stays until something else is shown. */
    void show(Screen next) {
        pendingReturn.cancel();
        screen.set(next);
    }

    /** Shows a result screen for its time: the welcome briefly, a refusal a moment longer. */
    void showForAWhile(Screen next) {
        screen.set(next);
        pendingReturn.cancel();
        pendingReturn = scheduler.after(durationOf(next), whenOver);
    }

    /** Shows a staff screen and (re)starts the staff idle timer. */
    void showStaff(Screen next) {
        screen.set(next);
        staffActivity();
    }

    /** Something happened on a staff (or self-registration) screen: it stays open another minute. */
    void staffActivity() {
        if (screen.get().timesOutWhenIdle()) {
            pendingReturn.cancel();
            pendingReturn = scheduler.after(timings.staffIdle(), whenOver);
        }
    }

    /** Forgets the pending return (the screen is being left now). */
    void cancelReturn() {
        pendingReturn.cancel();
    }

    Screen get() {
        return screen.get();
    }

    ReadOnlyObjectProperty<Screen> property() {
        return screen.getReadOnlyProperty();
    }

    private Duration durationOf(Screen shown) {
        return shown == Screen.WELCOME ? timings.welcome() : timings.refusal();
    }
}
