package org.culturecard.central.report;

import java.time.LocalDate;
import java.util.Objects;
import org.roaringbitmap.RoaringBitmap;

/**
 * The figures of a rollup row, a report cell or a margin, with the sets of people behind them, so
 * that a margin can be folded from its cells ({@link TallyFold}) and counts stay exact.
 * {@code repeat} (a subset of {@code seen}) are the people with two or more check-ins; breadth
 * keeps one "seen" per Taking Part category ({@code null}: nobody in that category). Never
 * modified once made.
 */
record Tally(long checkIns, RoaringBitmap seen, RoaringBitmap repeat, RoaringBitmap[] seenByCategory) {

    Tally {
        Objects.requireNonNull(seen, "seen");
        Objects.requireNonNull(repeat, "repeat");
        Objects.requireNonNull(seenByCategory, "seenByCategory");
    }

    /** One rollup row whose event is in {@code category} ({@code -1}: no known event, no category). */
    static Tally of(RollupRow row, int category, int categories) {
        RoaringBitmap[] byCategory = new RoaringBitmap[categories];
        if (category >= 0) {
            byCategory[category] = row.seen();
        }
        return new Tally(row.checkIns(), row.seen(), row.twice(), byCategory);
    }

    /** The unsuppressed cell: breadth adds, over the categories, the people seen in each. */
    ReportCell cell(String group, LocalDate period) {
        long breadth = 0;
        for (RoaringBitmap people : seenByCategory) {
            breadth += people == null ? 0 : people.getLongCardinality();
        }
        return new ReportCell(group, period, checkIns, seen.getLongCardinality(), repeat.getLongCardinality(), breadth);
    }
}
