package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.culturecard.kioskdb.SettingKey;
import org.culturecard.sync.testing.LogCapture;
import org.culturecard.testsupport.time.MutableClock;
import org.junit.jupiter.api.Test;

class DiskBudgetRecorderTest {
    private static final long BUDGET = 1_000_000_000L;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T15:00:00Z"));
    private final List<String> rows = new ArrayList<>();
    private boolean broken;
    private final DiskBudgetRecorder recorder = new DiskBudgetRecorder(verdict -> {
        if (broken) {
            throw new IllegalStateException("[SQLITE_BUSY] The database file is locked");
        }
        rows.add(SettingKey.DISK_BUDGET.name() + " = " + SettingKey.DISK_BUDGET.write(verdict));
    }, clock);

    @Test
    void writesTheVerdictAtTheFirstCheckInTheDocumentedForm() {
        recorder.record(new DiskUsage(BUDGET * 62 / 100, BUDGET));

        assertThat(rows).containsExactly("disk.budget = alert=HALF percent=62 used=620000000 budget=1000000000"
                + " at=2026-11-25T15:00:00Z");
    }

    @Test
    void writesAgainWhenThePercentageChangesOrTheRefreshIsDueAndNotOtherwise() {
        recorder.record(new DiskUsage(BUDGET / 10, BUDGET));
        clock.advance(Duration.ofSeconds(1));
        recorder.record(new DiskUsage(BUDGET / 10 + 1000, BUDGET));
        assertThat(rows).as("the same 10 percent a second later").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        recorder.record(new DiskUsage(BUDGET * 81 / 100, BUDGET));
        assertThat(rows).last().asString().contains("alert=HIGH percent=81");

        clock.advance(DiskBudgetRecorder.REFRESH.minusSeconds(1));
        recorder.record(new DiskUsage(BUDGET * 81 / 100, BUDGET));
        assertThat(rows).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        recorder.record(new DiskUsage(BUDGET * 81 / 100, BUDGET));
        assertThat(rows).hasSize(3).last().asString().endsWith("at=2026-11-25T15:05:02Z");
    }

    @Test
    void aFailedWriteIsLoggedOnceNeverThrownAndRetriedOnTheNextCheck() {
        broken = true;
        try (LogCapture log = new LogCapture(DiskBudgetRecorder.class)) {
            recorder.record(new DiskUsage(BUDGET / 2, BUDGET));
            clock.advance(Duration.ofSeconds(1));
            recorder.record(new DiskUsage(BUDGET / 2, BUDGET));
            assertThat(log.messages(Level.WARN)).singleElement().asString().contains("SQLITE_BUSY");
            assertThat(rows).isEmpty();

            broken = false;
            clock.advance(Duration.ofSeconds(1));
            recorder.record(new DiskUsage(BUDGET / 2, BUDGET));
        }
        assertThat(rows).containsExactly("disk.budget = alert=HALF percent=50 used=500000000 budget=1000000000"
                + " at=2026-11-25T15:00:02Z");
    }
}
