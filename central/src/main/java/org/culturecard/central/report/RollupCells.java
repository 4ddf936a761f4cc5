package org.culturecard.central.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Computes a report's raw cells from rollup rows, in Java: each row falls into one cell (its
 * group by the dimension's {@link Dimension.RollupGroup}, its period from the day), a cell is the fold of its rows,
 * and the margins (group totals, period totals, grand total) are folds of the cells
 * ({@link TallyFold}). Gives exactly what the aggregate query on {@code check_ins} gives
 * ({@code RollupReportIT} compares them cell for cell). Pure; not for linked dimensions, which
 * need each person's own check-ins.
 */
final class RollupCells {

    private record Key(String group, LocalDate period) {
    }

    private final ReportSpec spec;
    private final Dimension.RollupGroup groupOf;
    private final Map<UUID, EventAttributes> events;
    private final int categories;
    private final Map<Key, List<Tally>> rows = new HashMap<>();
    private int maxPersonId;

    /** {@code events} by id; their categories are numbered from 0 to {@code categories - 1}. */
    RollupCells(ReportSpec spec, Map<UUID, EventAttributes> events, int categories) {
        this.groupOf = spec.by().rollup()
                .orElseThrow(() -> new IllegalArgumentException("the rollup has no linkage attributes: " + spec.by().code()));
        this.spec = spec;
        this.events = Map.copyOf(events);
        this.categories = categories;
    }

    /** Adds one rollup row; its day must be in the report's range. */
    void add(RollupRow row) {
        if (row.day().isBefore(spec.from()) || !row.day().isBefore(spec.to())) {
            throw new IllegalArgumentException("rollup row for " + row.day() + " outside the report");
        }
        EventAttributes event = row.eventId() == null ? null : events.get(row.eventId());
        Key key = new Key(groupOf.of(row, event), spec.period().startOf(row.day()));
        rows.computeIfAbsent(key, k -> new ArrayList<>()).add(Tally.of(row, event == null ? -1 : event.category(), categories));
        maxPersonId = Math.max(maxPersonId, row.seen().last());
    }

    /** Every non-empty cell and margin, as {@link ReportBuilder} takes them (null group or period: a total). */
    List<ReportCell> cells() {
        TallyFold fold = new TallyFold(maxPersonId);
        Map<String, List<Tally>> byGroup = new TreeMap<>();
        Map<LocalDate, List<Tally>> byPeriod = new TreeMap<>();
        List<ReportCell> out = new ArrayList<>();
        rows.forEach((key, parts) -> {
            Tally cell = fold.fold(parts);
            byGroup.computeIfAbsent(key.group(), g -> new ArrayList<>()).add(cell);
            byPeriod.computeIfAbsent(key.period(), p -> new ArrayList<>()).add(cell);
            out.add(cell.cell(key.group(), key.period()));
        });
        byGroup.forEach((group, cells) -> out.add(fold.fold(cells).cell(group, null)));
        List<Tally> periodTotals = new ArrayList<>();
        byPeriod.forEach((period, cells) -> {
            Tally total = fold.fold(cells);
            periodTotals.add(total);
            out.add(total.cell(null, period));
        });
        if (!periodTotals.isEmpty()) {
            out.add(fold.fold(periodTotals).cell(null, null));
        }
        return out;
    }
}
