package org.culturecard.central.metrics;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.culturecard.central.ingest.IngestStats;
import org.culturecard.central.ingest.IngestWorker;

/**
 * Central's metrics in the Prometheus text exposition format (version 0.0.4), written by hand:
 * a handful of counters and gauges do not need a metrics library. Counters are this process's
 * totals since start (Prometheus handles restarts with {@code rate()}); the gauges that describe
 * the whole fleet (kiosks online, dead letters stored) come from the database, so every central
 * instance reports the same figure for them.
 */
public final class PrometheusMetrics {

    /** Counts the database keeps for the whole scheme. */
    public interface FleetCounts {
        long kiosksOnline();

        long deadLettersStored();
    }

    private final List<IngestWorker> workers;
    private final FleetCounts fleet;
    private final Clock clock;

    public PrometheusMetrics(List<IngestWorker> workers, FleetCounts fleet, Clock clock) {
        this.workers = List.copyOf(workers);
        this.fleet = fleet;
        this.clock = clock;
    }

    /** The body of {@code GET /metrics}. */
    public String scrape() {
        long batches = 0;
        long inserted = 0;
        long duplicates = 0;
        long dead = 0;
        long retries = 0;
        long newestTap = Long.MIN_VALUE;
        long commitLag = 0;
        for (IngestWorker worker : workers) {
            IngestStats s = worker.stats();
            batches += s.batchesStored();
            inserted += s.recordsInserted();
            duplicates += s.recordsDuplicated();
            dead += s.deadLetters();
            retries += s.storeRetries();
            newestTap = Math.max(newestTap, worker.latestTapMillis());
            commitLag = Math.max(commitLag, worker.commitLagMillis());
        }
        StringBuilder out = new StringBuilder();
        metric(out, "culturecard_ingest_batches_total", "counter", "Check-in batches committed by this process.", batches);
        metric(out, "culturecard_ingest_checkins_total", "counter", "Check-ins newly stored by this process.", inserted);
        metric(out, "culturecard_ingest_duplicates_total", "counter", "Redelivered check-ins skipped as already stored.", duplicates);
        metric(out, "culturecard_ingest_dead_letters_total", "counter", "Messages this process dead-lettered.", dead);
        metric(out, "culturecard_ingest_store_retries_total", "counter", "Retries while the database was unavailable.", retries);
        seconds(out, "culturecard_ingest_lag_seconds", "Now minus the newest tap time in the latest stored batches.",
                newestTap == Long.MIN_VALUE ? Double.NaN : (clock.millis() - newestTap) / 1000.0);
        seconds(out, "culturecard_ingest_commit_lag_seconds", "From a batch's sentAt to its commit, largest over workers, last batch.",
                commitLag / 1000.0);
        metric(out, "culturecard_ingest_workers_subscribed", "gauge", "Ingest workers of this process on the shared subscription.",
                workers.stream().filter(IngestWorker::isSubscribed).count());
        metric(out, "culturecard_dead_letters_stored", "gauge", "Dead letters in the database.", fleet::deadLettersStored);
        metric(out, "culturecard_kiosks_online", "gauge", "Kiosks whose retained status says online.", fleet::kiosksOnline);
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String type, String help, LongSupplier value) {
        long v;
        try {
            v = value.getAsLong();
        } catch (RuntimeException e) {
            return; // the database is down: leave the gauge out rather than fail the scrape
        }
        metric(out, name, type, help, v);
    }

    private static void metric(StringBuilder out, String name, String type, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(' ').append(value).append('\n');
    }

    private static void seconds(StringBuilder out, String name, String help, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.3f", value)).append('\n');
    }
}
