package org.culturecard.kiosk.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.culturecard.kiosk.ui.fx.Scheduler;

/** A scheduler whose time moves only when the test says so. */
public final class ManualScheduler implements Scheduler {
    private final List<Entry> entries = new ArrayList<>();
    private Duration now = Duration.ZERO;

    private static final class Entry {
        final Duration due;
        final Runnable work;
        boolean cancelled;

        Entry(Duration due, Runnable work) {
            this.due = due;
            this.work = work;
        }
    }

    @Override
    public Cancellable after(Duration delay, Runnable work) {
        Entry entry = new Entry(now.plus(delay), work);
        entries.add(entry);
        return () -> entry.cancelled = true;
    }

    /** Moves time on, running (in order) everything that falls due. */
    public void advance(Duration by) {
        now = now.plus(by);
        while (true) {
            Entry next = entries.stream().filter(e -> !e.cancelled && e.due.compareTo(now) <= 0)
                    .min((a, b) -> a.due.compareTo(b.due)).orElse(null);
            if (next == null) {
                return;
            }
            entries.remove(next);
            next.work.run();
        }
    }
}
