package org.culturecard.central.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.culturecard.central.store.FleetCounts;
import org.junit.jupiter.api.Test;

/** The names, labels and values of {@code /metrics}, read from a scrape over fakes of the store's and the trust figures' ports. */
class PrometheusMetricsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

    private final FakeFleet fleet = new FakeFleet();
    private final FakeTrust trust = new FakeTrust();
    private final PrometheusMetrics metrics = new PrometheusMetrics(List.of(), fleet, trust, CLOCK);

    @Test
    void everyMetricKeepsItsNameAndTypeAndIngestStartsAtZero() {
        String body = metrics.scrape();

        assertThat(body).contains(
                "# TYPE culturecard_ingest_batches_total counter\nculturecard_ingest_batches_total 0.0\n",
                "culturecard_ingest_checkins_total 0.0\n",
                "culturecard_ingest_duplicates_total 0.0\n",
                "culturecard_ingest_dead_letters_total 0.0\n",
                "culturecard_ingest_store_retries_total 0.0\n",
                "# TYPE culturecard_ingest_lag_seconds gauge\nculturecard_ingest_lag_seconds NaN\n",
                "culturecard_ingest_commit_lag_seconds 0.0\n",
                "# TYPE culturecard_ingest_workers_subscribed gauge\nculturecard_ingest_workers_subscribed 0.0\n",
                "# TYPE culturecard_kiosks_online gauge\nculturecard_kiosks_online 3.0\n",
                "culturecard_dead_letters_stored 12.0\n",
                "# HELP culturecard_kiosks_online Kiosks whose retained status says online.\n");
    }

    @Test
    void trustCountersFollowTheirSourcesByLabel() {
        trust.refused.put(PrometheusMetrics.UNKNOWN_KIOSK, 4L);
        trust.refused.put(PrometheusMetrics.WRONG_VENUE, 7L);
        trust.dropped.put("unparseable", 980L);
        trust.deleted.put("check_ins", 2L);

        String body = metrics.scrape();

        assertThat(body).contains(
                "# TYPE culturecard_dead_letters_total counter\n",
                "culturecard_dead_letters_total{reason=\"unknown-kiosk\"} 4.0\n",
                "culturecard_dead_letters_total{reason=\"wrong-venue\"} 7.0\n",
                "culturecard_dead_letters_dropped_total{reason=\"unparseable\"} 980.0\n",
                "culturecard_unknown_kiosk_messages_total 4.0\n",
                "culturecard_wrong_venue_messages_total 7.0\n",
                "culturecard_retention_deleted_total{table=\"check_ins\"} 2.0\n",
                "culturecard_retention_deleted_total{table=\"dead_letters\"} 0.0\n");
    }

    @Test
    void theDatabasesLabelledGaugesAreReadAtEachScrape() {
        assertThat(metrics.scrape()).contains("culturecard_checkins_held{state=\"flagged\"} 1.0\n",
                "culturecard_checkins_time_rebased_or_implausible{basis=\"implausible\"} 1.0\n");

        fleet.held.put("flagged", 5L);
        fleet.held.put("waiting", 2L);

        assertThat(metrics.scrape()).contains("culturecard_checkins_held{state=\"flagged\"} 5.0\n",
                "culturecard_checkins_held{state=\"waiting\"} 2.0\n");
    }

    @Test
    void aDatabaseThatIsDownLeavesItsFiguresOutAndTheScrapeStillAnswers() {
        fleet.down = true;

        String body = metrics.scrape();

        assertThat(body).contains("culturecard_kiosks_online NaN\n", "culturecard_dead_letters_stored NaN\n",
                "culturecard_ingest_batches_total 0.0\n");
        assertThat(body).doesNotContain("culturecard_checkins_held{", "culturecard_checkins_time_rebased_or_implausible{");
    }

    private static final class FakeFleet implements FleetCounts {
        final Map<String, Long> held = new TreeMap<>(Map.of("flagged", 1L));
        boolean down;

        @Override
        public long kiosksOnline() {
            return up(3);
        }

        @Override
        public long deadLettersStored() {
            return up(12);
        }

        @Override
        public Map<String, Long> heldCheckIns() {
            up(0);
            return Map.copyOf(held);
        }

        @Override
        public Map<String, Long> checkInsByTimeBasis() {
            up(0);
            return Map.of("implausible", 1L, "rebased", 0L);
        }

        private long up(long value) {
            if (down) {
                throw new IllegalStateException("database down");
            }
            return value;
        }
    }

    private static final class FakeTrust implements PrometheusMetrics.TrustCounts {
        final Map<String, Long> refused = new TreeMap<>(Map.of(PrometheusMetrics.UNKNOWN_KIOSK, 0L,
                PrometheusMetrics.WRONG_VENUE, 0L, "unparseable", 0L));
        final Map<String, Long> dropped = new TreeMap<>(Map.of("unparseable", 0L));
        final Map<String, Long> deleted = new TreeMap<>(Map.of("dead_letters", 0L, "check_ins", 0L, "held_check_ins", 0L));

        @Override
        public Map<String, Long> deadLetters() {
            return refused;
        }

        @Override
        public Map<String, Long> deadLettersDropped() {
            return dropped;
        }

        @Override
        public Map<String, Long> retentionDeleted() {
            return deleted;
        }
    }
}
