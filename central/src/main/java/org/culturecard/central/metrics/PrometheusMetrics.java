package org.culturecard.central.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.culturecard.central.ingest.IngestWorker;
import org.culturecard.central.store.FleetCounts;

/**
 * Central's metrics as Micrometer meters, scraped by its Prometheus registry (text format 0.0.4;
 * values are written as floats: {@code 5.0}). Counters are this process's totals since start
 * (Prometheus handles restarts with {@code rate()}); the gauges that describe the whole fleet
 * (kiosks online, dead letters stored, held check-ins, re-based tap times) come from the database,
 * so every central instance reports the same figure for them, and read {@code NaN} (or, for the
 * labelled ones, are left out) while it is down. Ingest-trust figures (issue 11): dead letters by
 * reason class, junk dropped over the per-kiosk quota, messages from unknown kiosks and on another
 * venue's topic, and retention deletions.
 */
public final class PrometheusMetrics {

    /** This process's ingest-trust totals since start; each map has the same keys every time. */
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

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Micrometer holds the objects its function meters read weakly: these fields keep them alive.
    private final List<IngestWorker> workers;
    private final FleetCounts fleet;
    private final TrustCounts trust;
    private final MultiGauge held;
    private final MultiGauge timeBasis;

    public PrometheusMetrics(List<IngestWorker> workers, FleetCounts fleet, TrustCounts trust, Clock clock) {
        this.workers = List.copyOf(workers);
        this.fleet = fleet;
        this.trust = trust;
        IngestMeters.bind(registry, this.workers, clock);
        fleetGauge("culturecard.dead.letters.stored", "Dead letters in the database.", FleetCounts::deadLettersStored);
        fleetGauge("culturecard.kiosks.online", "Kiosks whose retained status says online.", FleetCounts::kiosksOnline);
        labelled("culturecard.dead.letters", "Messages and check-ins dead-lettered by this process, by reason class.",
                "reason", TrustCounts::deadLetters);
        labelled("culturecard.dead.letters.dropped", "Junk counted but not stored: its sender's hourly quota was used up.",
                "reason", TrustCounts::deadLettersDropped);
        single("culturecard.unknown.kiosk.messages", "Messages on the topic of a kiosk the registry does not have.",
                t -> t.deadLetters().getOrDefault(UNKNOWN_KIOSK, 0L));
        single("culturecard.wrong.venue.messages", "Messages from a registered kiosk on another venue's topic.",
                t -> t.deadLetters().getOrDefault(WRONG_VENUE, 0L));
        labelled("culturecard.retention.deleted", "Rows the retention job deleted, by table.", "table",
                TrustCounts::retentionDeleted);
        held = MultiGauge.builder("culturecard.checkins.held")
                .description("Check-ins waiting for their event (flagged: past the grace period).").register(registry);
        timeBasis = MultiGauge.builder("culturecard.checkins.time.rebased.or.implausible")
                .description("Stored check-ins whose tap time is not the kiosk's own (ADR 9).").register(registry);
    }

    /** The body of {@code GET /metrics}: the database's labelled gauges are read now, then every meter. */
    public String scrape() {
        refresh(held, "state", fleet::heldCheckIns);
        refresh(timeBasis, "basis", fleet::checkInsByTimeBasis);
        return registry.scrape();
    }

    private void fleetGauge(String name, String help, ToLongFunction<FleetCounts> figure) {
        Gauge.builder(name, fleet, f -> {
            try {
                return figure.applyAsLong(f);
            } catch (RuntimeException e) {
                return Double.NaN; // the database is down: no figure rather than a failed scrape
            }
        }).description(help).register(registry);
    }

    private void single(String name, String help, ToLongFunction<TrustCounts> value) {
        FunctionCounter.builder(name, trust, value::applyAsLong).description(help).register(registry);
    }

    private void labelled(String name, String help, String label, Function<TrustCounts, Map<String, Long>> values) {
        for (String key : values.apply(trust).keySet()) {
            FunctionCounter.builder(name, trust, t -> values.apply(t).getOrDefault(key, 0L)).tag(label, key)
                    .description(help).register(registry);
        }
    }

    private static void refresh(MultiGauge gauge, String label, Supplier<Map<String, Long>> values) {
        Map<String, Long> now;
        try {
            now = values.get();
        } catch (RuntimeException e) {
            now = Map.of(); // the database is down: leave them out rather than fail the scrape
        }
        gauge.register(now.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of(label, e.getKey()), e.getValue()))
                .toList(), true);
    }
}
