package org.culturecard.central.metrics;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.culturecard.central.ingest.IngestStats;
import org.culturecard.central.ingest.IngestWorker;
import org.culturecard.central.store.FleetCounts;

/**
 * Central's metrics in the Prometheus text exposition format (version 0.0.4), written by hand:
 * a handful of counters and gauges do not need a metrics library. Counters are this process's
 * totals since start (Prometheus handles restarts with {@code rate()}); the gauges that describe
 * the whole fleet (kiosks online, dead letters stored) come from the database, so every central
 * instance reports the same figure for them. Ingest-trust figures (issue 11): dead letters by reason
 * class, junk dropped over the per-kiosk quota, messages from unknown kiosks and on another venue's
 * topic, held check-ins, tap times re-based or implausible, and retention deletions.
 */
public final class PrometheusMetrics {

    /** This process's ingest-trust totals since start. */
    public interface TrustCounts {
        /** Messages and records dead-lettered, kept or dropped, by reason class label. */
        Map<String, Long> deadLetters();

        /** Junk counted but not stored (over its sender's hourly quota), by reason class label. */
        Map<String, Long> deadLettersDropped();

        /** Rows deleted by the retention job, by table ({@code dead_letters}, {@code check_ins}, {@code held_check_ins}). */
        Map<String, Long> retentionDeleted();
    }

    /** Reason class labels that have their own metric as well. */
    public static final String UNKNOWN_KIOSK = "unknown-kiosk";
    public static final String WRONG_VENUE = "wrong-venue";

    private final List<IngestWorker> workers;
    private final FleetCounts fleet;
    private final TrustCounts trust;
    private final Clock clock;

    public PrometheusMetrics(List<IngestWorker> workers, FleetCounts fleet, TrustCounts trust, Clock clock) {
        this.workers = List.copyOf(workers);
        this.fleet = fleet;
        this.trust = trust;
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
        trust(out);
        return out.toString();
    }

    private void trust(StringBuilder out) {
        Map<String, Long> refused = trust.deadLetters();
        labelled(out, "culturecard_dead_letters_total", "counter", "Messages and check-ins dead-lettered by this process,"
                + " by reason class.", "reason", () -> refused);
        labelled(out, "culturecard_dead_letters_dropped_total", "counter", "Junk counted but not stored: its sender's"
                + " hourly quota was used up.", "reason", trust::deadLettersDropped);
        metric(out, "culturecard_unknown_kiosk_messages_total", "counter", "Messages on the topic of a kiosk the registry"
                + " does not have.", refused.getOrDefault(UNKNOWN_KIOSK, 0L));
        metric(out, "culturecard_wrong_venue_messages_total", "counter", "Messages from a registered kiosk on another"
                + " venue's topic.", refused.getOrDefault(WRONG_VENUE, 0L));
        labelled(out, "culturecard_checkins_held", "gauge", "Check-ins waiting for their event (flagged: past the grace"
                + " period).", "state", fleet::heldCheckIns);
        labelled(out, "culturecard_checkins_time_rebased_or_implausible", "gauge", "Stored check-ins whose tap time is not"
                + " the kiosk's own (ADR 9).", "basis", fleet::checkInsByTimeBasis);
        labelled(out, "culturecard_retention_deleted_total", "counter", "Rows the retention job deleted, by table.",
                "table", trust::retentionDeleted);
    }

    private static void labelled(StringBuilder out, String name, String type, String help, String label,
            java.util.function.Supplier<Map<String, Long>> values) {
        Map<String, Long> v;
        try {
            v = values.get();
        } catch (RuntimeException e) {
            return; // the database is down: leave it out rather than fail the scrape
        }
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
        new java.util.TreeMap<>(v).forEach((key, value) -> out.append(name).append('{').append(label).append("=\"")
                .append(key).append("\"} ").append(value).append('\n'));
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
