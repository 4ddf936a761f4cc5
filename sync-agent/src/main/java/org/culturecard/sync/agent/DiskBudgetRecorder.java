package org.culturecard.sync.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.culturecard.core.status.DiskBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the agent's disk-budget verdict ({@link DiskBudget}, the format shared with the kiosk)
 * into the kiosk database's settings row ({@code SettingKey.DISK_BUDGET} of kiosk-db). Why: the budget is the agent's
 * configuration ({@code disk.budget}), and the kiosk is a separate process whose only link to the
 * agent is the shared SQLite file, yet the staff status screen must warn at 50 and 80 percent.
 *
 * <p>The row is written at the first check, whenever the alert, the percentage or the budget
 * changes, and at least every {@link DiskBudget#REFRESH} otherwise, so that the kiosk can tell a
 * verdict that has stopped being refreshed (the agent has stopped) from a current one. A failed
 * write never reaches the caller: it is logged once, and tried again on the next check. Not
 * thread-safe: the agent calls it from its one worker thread.
 */
final class DiskBudgetRecorder {
    /** The longest the row goes without being rewritten while the agent runs. */
    static final Duration REFRESH = DiskBudget.REFRESH;
    private static final Logger log = LoggerFactory.getLogger(DiskBudgetRecorder.class);

    private final Consumer<DiskBudget> settings;
    private final Clock clock;
    private DiskUsage written;
    private Instant writtenAt;
    private boolean failing;

    /** @param settings writes the verdict's settings row; may throw */
    DiskBudgetRecorder(Consumer<DiskBudget> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Writes {@code usage} if it differs from what the row holds or the row is due for a refresh. */
    void record(DiskUsage usage) {
        Instant now = clock.instant();
        if (!due(usage, now)) {
            return;
        }
        DiskBudget verdict = usage.verdictAt(now);
        String value = verdict.format();
        try {
            settings.accept(verdict);
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

    private boolean due(DiskUsage usage, Instant now) {
        return written == null || failing
                || usage.alert() != written.alert()
                || usage.percent() != written.percent()
                || usage.budgetBytes() != written.budgetBytes()
                || !now.isBefore(writtenAt.plus(REFRESH));
    }
}
