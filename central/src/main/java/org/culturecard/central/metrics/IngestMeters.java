package org.culturecard.central.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.ToLongFunction;
import org.culturecard.central.ingest.IngestStats;
import org.culturecard.central.ingest.IngestWorker;

/**
 * This process's ingest workers as Micrometer meters: their totals since start summed over the
 * workers (function counters read the workers' own counts at scrape time), the lag gauges and the
 * number of workers on the shared subscription.
 */
final class IngestMeters {
    private IngestMeters() {
    }

    static void bind(MeterRegistry registry, List<IngestWorker> workers, Clock clock) {
        counter(registry, "culturecard.ingest.batches", "Check-in batches committed by this process.", workers,
                IngestStats::batchesStored);
        counter(registry, "culturecard.ingest.checkins", "Check-ins newly stored by this process.", workers,
                IngestStats::recordsInserted);
        counter(registry, "culturecard.ingest.duplicates", "Redelivered check-ins skipped as already stored.", workers,
                IngestStats::recordsDuplicated);
        counter(registry, "culturecard.ingest.dead.letters", "Messages this process dead-lettered.", workers,
                IngestStats::deadLetters);
        counter(registry, "culturecard.ingest.store.retries", "Retries while the database was unavailable.", workers,
                IngestStats::storeRetries);
        Gauge.builder("culturecard.ingest.lag", workers, ws -> lagSeconds(ws, clock)).baseUnit("seconds")
                .description("Now minus the newest tap time in the latest stored batches.").register(registry);
        Gauge.builder("culturecard.ingest.commit.lag", workers, IngestMeters::commitLagSeconds).baseUnit("seconds")
                .description("From a batch's sentAt to its commit, largest over workers, last batch.").register(registry);
        Gauge.builder("culturecard.ingest.workers.subscribed", workers, ws -> ws.stream().filter(IngestWorker::isSubscribed).count())
                .description("Ingest workers of this process on the shared subscription.").register(registry);
    }

    private static void counter(MeterRegistry registry, String name, String help, List<IngestWorker> workers,
            ToLongFunction<IngestStats> figure) {
        FunctionCounter.builder(name, workers, ws -> ws.stream().mapToLong(w -> figure.applyAsLong(w.stats())).sum())
                .description(help).register(registry);
    }

    private static double lagSeconds(List<IngestWorker> workers, Clock clock) {
        long newest = workers.stream().mapToLong(IngestWorker::latestTapMillis).max().orElse(Long.MIN_VALUE);
        return newest == Long.MIN_VALUE ? Double.NaN : (clock.millis() - newest) / 1000.0;
    }

    private static double commitLagSeconds(List<IngestWorker> workers) {
        return workers.stream().mapToLong(IngestWorker::commitLagMillis).max().orElse(0) / 1000.0;
    }
}
