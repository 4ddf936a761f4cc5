package org.culturecard.sync.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The agent's gauges read the status snapshot, and its closing log line gives the counters' totals. */
class AgentMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AgentMeters meters = new AgentMeters(registry);

    @Test
    void theGaugesFollowTheStatusSnapshot() {
        AtomicReference<SyncStatus> status = new AtomicReference<>(SyncStatus.initial());
        meters.bind(status::get);
        status.set(new SyncStatus(false, 42, null, 3, "refused", status.get().disk()));

        assertThat(registry.get("culturecard.agent.backlog").gauge().value()).isEqualTo(42.0);
        assertThat(registry.get("culturecard.agent.connect.failures").gauge().value()).isEqualTo(3.0);
    }

    @Test
    void theSummaryGivesTheTotals() {
        meters.batchPublished();
        meters.batchPublished();
        meters.checkInsAcked(7);
        meters.batchesRepublished(1);

        assertThat(meters.summary()).isEqualTo("2 batches published, 7 check-ins acked, 1 batches republished");
    }
}
