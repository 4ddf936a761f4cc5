package org.culturecard.central.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns raw coverage counts into a publishable {@link CoverageReport}: a table of venues by
 * registered and unverified people, whose row totals are the people seen, suppressed as one table
 * with its margins ({@link Suppression}), so that no small count can be read off or worked out by
 * subtraction. Pure.
 */
final class CoverageBuilder {

    /** Raw counts of one venue (null: every venue), never published as they are. */
    record Counts(String venue, long registered, long unverified) {
        long seen() {
            return registered + unverified;
        }
    }

    private CoverageBuilder() {
    }

    /** {@code knownVenues} are listed even with nobody seen (shown suppressed); {@code counts} holds one total (venue null). */
    static CoverageReport build(LocalDate from, LocalDate to, List<String> knownVenues, List<Counts> counts) {
        TreeSet<String> venueSet = new TreeSet<>(knownVenues);
        counts.stream().filter(c -> c.venue() != null).forEach(c -> venueSet.add(c.venue()));
        List<String> venues = new ArrayList<>(venueSet);
        Map<String, Counts> byVenue = new java.util.HashMap<>();
        Counts total = new Counts(null, 0, 0);
        for (Counts c : counts) {
            if (c.venue() == null) {
                total = c;
            } else {
                byVenue.put(c.venue(), c);
            }
        }
        long[][] grid = new long[venues.size() + 1][3];
        for (int r = 0; r <= venues.size(); r++) {
            Counts c = r < venues.size() ? byVenue.getOrDefault(venues.get(r), new Counts(venues.get(r), 0, 0)) : total;
            grid[r] = new long[] {c.registered(), c.unverified(), c.seen()};
        }
        boolean[][] hidden = Suppression.mask(grid);
        List<CoverageReport.Row> rows = new ArrayList<>();
        for (int r = 0; r <= venues.size(); r++) {
            rows.add(row(r < venues.size() ? venues.get(r) : EngagementReport.TOTAL, grid[r], hidden[r]));
        }
        return new CoverageReport(from, to, CoverageReport.RULE, rows.subList(0, venues.size()), rows.get(venues.size()));
    }

    private static CoverageReport.Row row(String venue, long[] counts, boolean[] hidden) {
        List<String> suppressed = new ArrayList<>();
        String[] names = {"registered", "unverified", "seen"};
        Long[] values = new Long[3];
        for (int i = 0; i < 3; i++) {
            if (hidden[i]) {
                suppressed.add(names[i]);
            } else {
                values[i] = counts[i];
            }
        }
        return new CoverageReport.Row(venue, values[2], values[0], values[1], suppressed);
    }
}
