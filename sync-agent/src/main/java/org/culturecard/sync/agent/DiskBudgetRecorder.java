package org.culturecard.sync.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the agent's disk-budget verdict into the kiosk database's settings row {@value #SETTING}.
 * Why: the budget is the agent's configuration ({@code disk.budget}), and the kiosk is a separate
 * process whose only link to the agent is the shared SQLite file, yet the staff status screen must
 * warn at 50 and 80 percent. It is the reverse of the kiosk's {@code reader.state} row.
 *
 * <p>The value is one line of space-separated {@code name=value} pairs, for example
 * {@code alert=HALF percent=62 used=1331439862 budget=2147483648 at=2026-11-25T15:10:09Z}: the
 * {@link DiskUsage.Alert} name, whole percent of the budget used, bytes used (database, WAL and shm),
 * the budget in bytes, and when the agent measured it (its injected clock, UTC). Readers ignore
 * names they do not know, so pairs can be added later.
 *
 * <p>The row is written at the first check, whenever the alert, the percentage or the budget
 * changes, and at least every {@link #REFRESH} otherwise, so that the kiosk can tell a verdict that
 * has stopped being refreshed (the agent has stopped) from a current one. A failed write never
 * reaches the caller: it is logged once, and tried again on the next check. Not thread-safe: the
 * agent calls it from its one worker thread.
 */
final class DiskBudgetRecorder {
    /** The settings row's key; the kiosk reads it as {@code DiskBudget.SETTING}. */
    static final String SETTING = "disk.budget";
    /** The longest the row goes without being rewritten while the agent runs. */
    static final Duration REFRESH = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(DiskBudgetRecorder.class);

    private final BiConsumer<String, String> settings;
    private final Clock clock;
    private DiskUsage written;
    private Instant writtenAt;
    private boolean failing;

    /** @param settings writes one settings row (key, value); may throw */
    DiskBudgetRecorder(BiConsumer<String, String> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Writes {@code usage} if it differs from what the row holds or the row is due for a refresh. */
    void record(DiskUsage usage) {
        Instant now = clock.instant();
        if (!due(usage, now)) {
            return;
        }
        String value = describe(usage, now);
        try {
            settings.accept(SETTING, value);
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("could not write the disk-budget verdict for the kiosk's status screen ({}); "
                        + "syncing goes on and the write is retried on the next check", e.getMessage());
                failing = true;
            }
            return;
        }
        if (failing) {
            log.info("the disk-budget verdict reaches the kiosk's status screen again: {}", value);
            failing = false;
        }
        written = usage;
        writtenAt = now;
    }

    /** The row's value for {@code usage} measured at {@code at}. */
    static String describe(DiskUsage usage, Instant at) {
        return "alert=" + usage.alert() + " percent=" + usage.percent() + " used=" + usage.usedBytes()
                + " budget=" + usage.budgetBytes() + " at=" + at;
    }

    private boolean due(DiskUsage usage, Instant now) {
        return written == null || failing
                || usage.alert() != written.alert()
                || usage.percent() != written.percent()
                || usage.budgetBytes() != written.budgetBytes()
                || !now.isBefore(writtenAt.plus(REFRESH));
    }
}
