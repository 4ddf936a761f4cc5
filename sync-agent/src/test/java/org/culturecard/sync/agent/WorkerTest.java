package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class WorkerTest {
    private final Worker worker = new Worker(TestAgentConfig.KIOSK, TestAgentConfig.VENUE);

    @Test
    void runsTasksInOrderOnOneThreadThatCarriesTheKioskInTheMdcAndSurvivesAFailingTask() {
        List<String> ran = new CopyOnWriteArrayList<>();
        worker.post(() -> ran.add(Thread.currentThread().getName() + " " + MDC.get("kioskId") + " " + MDC.get("venueId")));
        worker.post(() -> {
            throw new IllegalStateException("SQLite busy");
        });
        worker.post(() -> ran.add("after the failure"));

        await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 2);
        assertThat(ran).containsExactly("sync-agent-kiosk-1 kiosk-1 central-library", "after the failure");
        worker.stopAfter(() -> { }, 1000, 1000);
    }

    @Test
    void stopsAfterItsLastTaskAndDropsWhatComesLater() {
        List<String> ran = new CopyOnWriteArrayList<>();
        worker.every(10, () -> ran.add("tick"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("tick"));

        worker.stopAfter(() -> ran.add("last"), 1000, 1000);
        int after = ran.size();
        worker.post(() -> ran.add("too late"));

        assertThat(worker.isStopped()).isTrue();
        assertThat(ran).contains("last").doesNotContain("too late").hasSize(after);
    }
}
