package org.culturecard.central.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * Turns raw cells into a publishable {@link EngagementReport}: lays them out as groups by periods
 * with margins, suppresses each count table independently ({@link Suppression}), and publishes a
 * derived rate only where every count behind it is published. Pure.
 */
final class ReportBuilder {

    private static final ReportCell EMPTY = new ReportCell(null, null, 0, 0, 0, 0);

    private ReportBuilder() {
    }

    /**
     * Builds the report. {@code knownGroups} are listed even without check-ins (shown suppressed),
     * so a missing row never tells a reader that a group had none.
     */
    public static EngagementReport build(ReportSpec spec, List<String> knownGroups, List<ReportCell> cells) {
        List<LocalDate> periods = spec.period().starts(spec.from(), spec.to());
        TreeSet<String> groupSet = new TreeSet<>(knownGroups);
        cells.stream().filter(c -> c.group() != null).forEach(c -> groupSet.add(c.group()));
        List<String> groups = new ArrayList<>(groupSet);
        ReportCell[][] grid = layout(groups, periods, cells);

        boolean[][] checkIns = Suppression.mask(counts(grid, ReportCell::checkIns));
        boolean[][] people = Suppression.mask(counts(grid, ReportCell::people));
        boolean[][] repeaters = Suppression.mask(counts(grid, ReportCell::repeaters));
        boolean[][] oneTimers = Suppression.mask(counts(grid, c -> c.people() - c.repeaters()));

        List<String> labels = periods.stream().map(spec.period()::label).toList();
        List<EngagementReport.Row> rows = new ArrayList<>();
        for (int r = 0; r <= groups.size(); r++) {
            List<Figures> row = new ArrayList<>();
            for (int c = 0; c <= periods.size(); c++) {
                String label = c < periods.size() ? labels.get(c) : EngagementReport.TOTAL;
                row.add(figures(label, grid[r][c], checkIns[r][c], people[r][c], repeaters[r][c] || oneTimers[r][c]));
            }
            String group = r < groups.size() ? groups.get(r) : EngagementReport.TOTAL;
            rows.add(new EngagementReport.Row(group, row.subList(0, periods.size()), row.get(periods.size())));
        }
        return new EngagementReport(spec.by().code(), spec.period().code(), spec.from(), spec.to(), EngagementReport.RULE,
                labels, rows.subList(0, groups.size()), rows.get(groups.size()));
    }

    private static ReportCell[][] layout(List<String> groups, List<LocalDate> periods, List<ReportCell> cells) {
        Map<String, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < groups.size(); i++) {
            rowOf.put(groups.get(i), i);
        }
        Map<LocalDate, Integer> colOf = new HashMap<>();
        for (int i = 0; i < periods.size(); i++) {
            colOf.put(periods.get(i), i);
        }
        ReportCell[][] grid = new ReportCell[groups.size() + 1][periods.size() + 1];
        for (ReportCell[] row : grid) {
            java.util.Arrays.fill(row, EMPTY);
        }
        for (ReportCell cell : cells) {
            int r = cell.group() == null ? groups.size() : rowOf.get(cell.group());
            Integer c = cell.period() == null ? Integer.valueOf(periods.size()) : colOf.get(cell.period());
            if (c == null) {
                throw new IllegalArgumentException("cell for period " + cell.period() + " outside the report");
            }
            grid[r][c] = cell;
        }
        return grid;
    }

    private static long[][] counts(ReportCell[][] grid, ToLongFunction<ReportCell> measure) {
        long[][] counts = new long[grid.length][grid[0].length];
        for (int r = 0; r < grid.length; r++) {
            for (int c = 0; c < grid[r].length; c++) {
                counts[r][c] = measure.applyAsLong(grid[r][c]);
            }
        }
        return counts;
    }

    private static Figures figures(String period, ReportCell cell, boolean hideCheckIns, boolean hidePeople,
            boolean hideSplit) {
        List<String> suppressed = new ArrayList<>();
        Long checkIns = hideCheckIns ? null : cell.checkIns();
        Long people = hidePeople ? null : cell.people();
        Double repeatRate = null;
        Double breadth = null;
        if (hideCheckIns) {
            suppressed.add("checkIns");
        }
        if (hidePeople) {
            suppressed.add("people");
        } else {
            breadth = round((double) cell.breadthSum() / cell.people(), 2);
        }
        if (hidePeople || hideSplit) {
            suppressed.add("repeatRate");
        } else {
            repeatRate = round((double) cell.repeaters() / cell.people(), 3);
        }
        if (breadth == null) {
            suppressed.add("breadthMean");
        }
        return new Figures(period, checkIns, people, repeatRate, breadth, suppressed);
    }

    private static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }
}
