package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * For every shape a report can take (1 to 6 groups, weeks or months, sparse or busy data), no
 * published count is under 10, no suppressed count can be worked out from the published ones by
 * subtraction along rows and columns (checked by linear algebra, not by the suppressor's own
 * reasoning), and no rate is published whose counts behind it are small.
 */
class ReportSuppressionPropertiesTest {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    /** One synthetic check-in. */
    record Tap(int person, int group, int day, int category) {
    }

    @Property(tries = 300)
    void noPublishedCountIsSmallOrDerivable(@ForAll("taps") List<Tap> taps, @ForAll @IntRange(min = 1, max = 6) int groups,
            @ForAll boolean weekly, @ForAll @IntRange(min = 1, max = 120) int days) {
        ReportSpec spec = spec(weekly, days);
        EngagementReport report = report(spec, inRange(taps, groups, days), groups);

        List<EngagementReport.Row> rows = new ArrayList<>(report.rows());
        rows.add(report.total());
        for (EngagementReport.Row row : rows) {
            List<Figures> cells = new ArrayList<>(row.cells());
            cells.add(row.total());
            for (Figures f : cells) {
                assertThat(f.checkIns()).satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).isGreaterThanOrEqualTo(10L));
                assertThat(f.people()).satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).isGreaterThanOrEqualTo(10L));
                if (f.repeatRate() != null) {
                    assertThat(f.people()).isNotNull();
                    assertThat(Math.round(f.repeatRate() * f.people())).as("repeaters").isGreaterThanOrEqualTo(9L);
                    assertThat(f.people() - Math.round(f.repeatRate() * f.people())).as("one-time visitors")
                            .isGreaterThanOrEqualTo(9L);
                }
                if (f.breadthMean() != null) {
                    assertThat(f.people()).isNotNull();
                }
            }
        }
        assertThat(Disclosure.derivableCell(mask(rows, Figures::checkIns))).as("a check-in count is derivable").isNull();
        assertThat(Disclosure.derivableCell(mask(rows, Figures::people))).as("a people count is derivable").isNull();
    }

    /**
     * Differencing from the margins: in every row and column the suppressed check-in counts add up
     * to at least 10 (unless the whole line is), so the margin minus the published cells never
     * reveals a small number (ADR 0011).
     */
    @Property(tries = 300)
    void suppressedCellsOfEveryLineAddUpToTheThreshold(@ForAll("taps") List<Tap> taps,
            @ForAll @IntRange(min = 1, max = 6) int groups, @ForAll boolean weekly, @ForAll @IntRange(min = 1, max = 120) int days) {
        ReportSpec spec = spec(weekly, days);
        List<Tap> inRange = inRange(taps, groups, days);
        EngagementReport report = report(spec, inRange, groups);
        List<LocalDate> periods = spec.period().starts(spec.from(), spec.to());
        long[][] counts = new long[groups + 1][periods.size() + 1];
        for (Tap t : inRange) {
            int col = periods.indexOf(spec.period().startOf(FROM.plusDays(t.day())));
            for (int r : new int[] {t.group(), groups}) {
                counts[r][col]++;
                counts[r][periods.size()]++;
            }
        }
        List<EngagementReport.Row> rows = new ArrayList<>(report.rows());
        rows.add(report.total());
        boolean[][] hidden = mask(rows, Figures::checkIns);
        for (int r = 0; r < hidden.length; r++) {
            for (int c = 0; c < hidden[0].length; c++) {
                assertThat(suppressedSum(counts, hidden, r, -1)).as("row %d", r).satisfiesAnyOf(
                        sum -> assertThat(sum).isZero(), sum -> assertThat(sum).isGreaterThanOrEqualTo(Suppression.THRESHOLD));
                assertThat(suppressedSum(counts, hidden, -1, c)).as("column %d", c).satisfiesAnyOf(
                        sum -> assertThat(sum).isZero(), sum -> assertThat(sum).isGreaterThanOrEqualTo(Suppression.THRESHOLD));
            }
        }
    }

    /**
     * The sum of the suppressed counts of a row ({@code col == -1}) or column: 0 when none is
     * suppressed, and {@link Suppression#THRESHOLD} when all are (no published figure to subtract).
     */
    private static long suppressedSum(long[][] counts, boolean[][] hidden, int row, int col) {
        long sum = 0;
        int length = row >= 0 ? hidden[0].length : hidden.length;
        int suppressed = 0;
        for (int i = 0; i < length; i++) {
            int r = row >= 0 ? row : i;
            int c = row >= 0 ? i : col;
            if (hidden[r][c]) {
                suppressed++;
                sum += counts[r][c];
            }
        }
        if (suppressed == length) {
            return Suppression.THRESHOLD;
        }
        return suppressed == 0 ? 0 : sum;
    }

    private static ReportSpec spec(boolean weekly, int days) {
        return new ReportSpec(Dimension.VENUE, weekly ? Period.WEEK : Period.MONTH, FROM, FROM.plusDays(days));
    }

    /** The taps of the first {@code days} days, folded into {@code groups} groups. */
    private static List<Tap> inRange(List<Tap> taps, int groups, int days) {
        return taps.stream().filter(t -> t.day() < days).map(t -> new Tap(t.person(), t.group() % groups,
                t.day(), t.category())).toList();
    }

    private static EngagementReport report(ReportSpec spec, List<Tap> inRange, int groups) {
        List<String> known = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            known.add("venue-" + g);
        }
        return ReportBuilder.build(spec, known, rawCells(spec, inRange));
    }

    @Provide
    Arbitrary<List<Tap>> taps() {
        Arbitrary<Tap> tap = Combinators.combine(Arbitraries.integers().between(0, 80), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 119), Arbitraries.integers().between(0, 3)).as(Tap::new);
        return tap.list().ofMaxSize(600);
    }

    private static boolean[][] mask(List<EngagementReport.Row> rows, Function<Figures, Long> measure) {
        int cols = rows.get(0).cells().size() + 1;
        boolean[][] hidden = new boolean[rows.size()][cols];
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < cols - 1; c++) {
                hidden[r][c] = measure.apply(rows.get(r).cells().get(c)) == null;
            }
            hidden[r][cols - 1] = measure.apply(rows.get(r).total()) == null;
        }
        return hidden;
    }

    /** The aggregates the SQL computes, computed again in Java from the synthetic taps. */
    static List<ReportCell> rawCells(ReportSpec spec, List<Tap> taps) {
        Map<List<Object>, List<Tap>> byCell = new HashMap<>();
        for (Tap t : taps) {
            String group = "venue-" + t.group();
            LocalDate period = spec.period().startOf(FROM.plusDays(t.day()));
            for (List<Object> key : List.of(key(group, period), key(group, null), key(null, period), key(null, null))) {
                byCell.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
            }
        }
        List<ReportCell> cells = new ArrayList<>();
        byCell.forEach((key, list) -> {
            Map<Integer, Integer> visits = new HashMap<>();
            Map<Integer, Set<Integer>> categories = new HashMap<>();
            for (Tap t : list) {
                visits.merge(t.person(), 1, Integer::sum);
                categories.computeIfAbsent(t.person(), p -> new HashSet<>()).add(t.category());
            }
            long repeaters = visits.values().stream().filter(v -> v >= 2).count();
            long breadth = categories.values().stream().mapToLong(Set::size).sum();
            cells.add(new ReportCell((String) key.get(0), (LocalDate) key.get(1), list.size(), visits.size(), repeaters, breadth));
        });
        return cells;
    }

    private static List<Object> key(String group, LocalDate period) {
        List<Object> key = new ArrayList<>();
        key.add(group);
        key.add(period);
        return key;
    }

    @Property(tries = 50)
    void theTotalRowIsAlwaysPresentAndLabelled(@ForAll("taps") List<Tap> taps) {
        ReportSpec spec = new ReportSpec(Dimension.VENUE, Period.MONTH, FROM, FROM.plusDays(120));
        EngagementReport report = ReportBuilder.build(spec, List.of("venue-0"), rawCells(spec, taps));
        assertThat(report.total().group()).isEqualTo(EngagementReport.TOTAL);
        assertThat(report.rows()).allMatch(r -> r.cells().size() == report.periods().size());
        assertThat(report.rows().stream().map(EngagementReport.Row::group).filter(Objects::nonNull)).contains("venue-0");
    }
}
