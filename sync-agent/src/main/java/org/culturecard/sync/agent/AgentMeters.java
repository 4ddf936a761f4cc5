package org.culturecard.sync.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The agent's counters as Micrometer meters: batches published, check-ins central acknowledged,
 * batches republished because no ack came in time, and gauges over the status snapshot (backlog,
 * failed connection attempts in a row). The agent has no HTTP server: they are shown in its status
 * and its closing log line, and the registry is there for whoever embeds the agent.
 */
final class AgentMeters {
    private final MeterRegistry registry;
    private final Counter published;
    private final Counter acked;
    private final Counter republished;

    AgentMeters(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("culturecard.agent.batches.published")
                .description("Check-in batches published to the broker.").register(registry);
        this.acked = Counter.builder("culturecard.agent.checkins.acked")
                .description("Check-ins central acknowledged (marked delivered).").register(registry);
        this.republished = Counter.builder("culturecard.agent.batches.republished")
                .description("Batches forgotten after the ack timeout; their check-ins go out again.").register(registry);
    }

    /** Gauges over the status snapshot the agent keeps anyway. */
    void bind(Supplier<SyncStatus> status) {
        Gauge.builder("culturecard.agent.backlog", status, s -> s.get().backlog()).strongReference(true)
                .description("Check-ins central has not acknowledged yet.").register(registry);
        Gauge.builder("culturecard.agent.connect.failures", status, s -> s.get().failedAttempts()).strongReference(true)
                .description("Failed connection attempts in a row (0 when connected).").register(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    void batchPublished() {
        published.increment();
    }

    void checkInsAcked(int count) {
        acked.increment(count);
    }

    void batchesRepublished(int count) {
        republished.increment(count);
    }

    /** The totals in words, for the agent's closing log line. */
    String summary() {
        return String.format(java.util.Locale.ROOT, "%d batches published, %d check-ins acked, %d batches republished",
                (long) published.count(), (long) acked.count(), (long) republished.count());
    }
}
