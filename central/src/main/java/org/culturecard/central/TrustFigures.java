package org.culturecard.central;

import java.util.Map;
import java.util.TreeMap;
import org.culturecard.central.deadletter.DeadLetterCounts;
import org.culturecard.central.metrics.PrometheusMetrics;
import org.culturecard.central.retention.RetentionJob;
import org.culturecard.central.store.ReasonClass;

/** The process's dead-letter and retention totals, as the metrics read them. */
final class TrustFigures implements PrometheusMetrics.TrustCounts {

    private final DeadLetterCounts deadLetters;
    private final RetentionJob retention;

    TrustFigures(DeadLetterCounts deadLetters, RetentionJob retention) {
        this.deadLetters = deadLetters;
        this.retention = retention;
    }

    @Override
    public Map<String, Long> deadLetters() {
        Map<String, Long> totals = new TreeMap<>();
        for (ReasonClass reason : ReasonClass.values()) {
            totals.put(reason.label(), deadLetters.refusedTotal(reason));
        }
        return totals;
    }

    @Override
    public Map<String, Long> deadLettersDropped() {
        Map<String, Long> totals = new TreeMap<>();
        for (ReasonClass reason : ReasonClass.values()) {
            if (reason.junk()) {
                totals.put(reason.label(), deadLetters.droppedTotal(reason));
            }
        }
        return totals;
    }

    @Override
    public Map<String, Long> retentionDeleted() {
        RetentionJob.Totals totals = retention.totals();
        return Map.of("dead_letters", totals.deadLettersDeleted(), "check_ins", totals.checkInsDeleted(),
                "held_check_ins", totals.heldDeleted());
    }
}
