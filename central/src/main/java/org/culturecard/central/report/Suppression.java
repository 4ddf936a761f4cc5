package org.culturecard.central.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small-number suppression for one table of counts with its margins, so that no published figure
 * identifies a handful of children. Pure: counts in, a mask of what may not be published out.
 *
 * <p>The table is {@code R} rows by {@code C} columns plus a row of column totals, a column of row
 * totals and the grand total: an {@code (R+1) x (C+1)} grid in which each row and each column is a
 * "line" whose inner cells add up to its margin cell. The rule:
 * <ol>
 *   <li>Primary: every count under the threshold (10), zero included, is suppressed.</li>
 *   <li>Secondary, lines: a line with exactly one suppressed cell would give it away by
 *       subtraction, so the smallest other cell of that line is suppressed too (an inner cell in
 *       preference to the margin).</li>
 *   <li>Secondary, sums: the suppressed cells of a line, margin included when it is one of them,
 *       must add up to at least the threshold, or their sum (the margin minus the published cells)
 *       would be a small count; otherwise the smallest other cell of the line is suppressed too,
 *       by the same choice as in step 2 (ties: the first in the line). See ADR 0011.</li>
 *   <li>Secondary, chains: suppressed cells are edges between their row line and their column
 *       line; a suppressed cell can be solved from the published figures exactly when it is a
 *       bridge of that graph (on no cycle). For each bridge the smallest cell that closes a cycle
 *       through it is suppressed.</li>
 * </ol>
 * Steps 2 to 4 repeat until nothing changes; the mask only grows, so this ends, at worst with
 * everything suppressed. Counts of distinct people do not add up exactly across lines (a person
 * may visit two venues), but they are protected as if they did, which is the cautious side.
 */
public final class Suppression {

    /** Counts under this are never published. */
    public static final long THRESHOLD = 10;

    private Suppression() {
    }

    /**
     * The suppression mask for {@code grid}, which is {@code (R+1) x (C+1)}: inner cells, then the
     * row totals in the last column, the column totals in the last row, the grand total at the
     * bottom right. {@code true} means suppressed.
     */
    public static boolean[][] mask(long[][] grid) {
        int rows = grid.length;
        int cols = grid[0].length;
        boolean[][] hidden = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            if (grid[r].length != cols) {
                throw new IllegalArgumentException("ragged grid");
            }
            for (int c = 0; c < cols; c++) {
                hidden[r][c] = grid[r][c] < THRESHOLD;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = protectLines(grid, hidden) || protectBridges(grid, hidden);
        }
        return hidden;
    }

    private static boolean protectLines(long[][] grid, boolean[][] hidden) {
        int rows = grid.length;
        int cols = grid[0].length;
        boolean changed = false;
        for (int r = 0; r < rows; r++) {
            int count = 0;
            long sum = 0;
            for (int c = 0; c < cols; c++) {
                count += hidden[r][c] ? 1 : 0;
                sum += hidden[r][c] ? grid[r][c] : 0;
            }
            int pick = exposed(count, sum) ? smallestOpen(grid, hidden, r, -1, cols - 1) : -1;
            if (pick >= 0 && !hidden[r][pick]) {
                hidden[r][pick] = true;
                changed = true;
            }
        }
        for (int c = 0; c < cols; c++) {
            int count = 0;
            long sum = 0;
            for (int r = 0; r < rows; r++) {
                count += hidden[r][c] ? 1 : 0;
                sum += hidden[r][c] ? grid[r][c] : 0;
            }
            int pick = exposed(count, sum) ? smallestOpen(grid, hidden, -1, c, rows - 1) : -1;
            if (pick >= 0 && !hidden[pick][c]) { // a line of one cell (a report without groups) has nothing to pick
                hidden[pick][c] = true;
                changed = true;
            }
        }
        return changed;
    }

    /**
     * True when a line's suppressed cells give too much away: one alone is its margin's difference,
     * and several adding up to under {@link #THRESHOLD} are a small number together (the margin
     * minus the published cells).
     */
    private static boolean exposed(int suppressedCells, long suppressedSum) {
        return suppressedCells == 1 || suppressedCells > 1 && suppressedSum < THRESHOLD;
    }

    /** The index of the smallest unsuppressed cell of a row ({@code col == -1}) or column, inner cells first. */
    private static int smallestOpen(long[][] grid, boolean[][] hidden, int row, int col, int marginIndex) {
        int best = -1;
        for (int i = 0; i < marginIndex; i++) {
            int r = row >= 0 ? row : i;
            int c = row >= 0 ? i : col;
            if (!hidden[r][c] && (best < 0 || grid[r][c] < value(grid, row, col, best))) {
                best = i;
            }
        }
        return best >= 0 ? best : marginIndex;
    }

    private static long value(long[][] grid, int row, int col, int index) {
        return row >= 0 ? grid[row][index] : grid[index][col];
    }

    /** Finds one suppressed cell that is a bridge and closes a cycle through it; true if it did. */
    private static boolean protectBridges(long[][] grid, boolean[][] hidden) {
        LineGraph graph = new LineGraph(hidden);
        int[] bridge = graph.firstBridge();
        if (bridge == null) {
            return false;
        }
        int rows = grid.length;
        int cols = grid[0].length;
        boolean[] sideA = graph.sideWithout(bridge[0], bridge[0], rows + bridge[1]);
        boolean[] sideB = graph.sideWithout(rows + bridge[1], bridge[0], rows + bridge[1]);
        int bestR = -1;
        int bestC = -1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                boolean crosses = (sideA[r] && sideB[rows + c]) || (sideB[r] && sideA[rows + c]);
                if (!hidden[r][c] && crosses && (bestR < 0 || better(grid, r, c, bestR, bestC))) {
                    bestR = r;
                    bestC = c;
                }
            }
        }
        if (bestR < 0) {
            // Only when a line is a single cell (a report without groups): everything that could
            // close a cycle is already hidden, so there is nothing more to suppress.
            return false;
        }
        hidden[bestR][bestC] = true;
        return true;
    }

    private static boolean better(long[][] grid, int r, int c, int bestR, int bestC) {
        int rows = grid.length;
        int cols = grid[0].length;
        boolean margin = r == rows - 1 || c == cols - 1;
        boolean bestMargin = bestR == rows - 1 || bestC == cols - 1;
        if (margin != bestMargin) {
            return !margin;
        }
        return grid[r][c] < grid[bestR][bestC];
    }

    /**
     * Suppressed cells as edges: vertices {@code 0..R} are row lines, {@code R+1..R+C+1} column
     * lines. Bridges by Tarjan's low-link.
     */
    private static final class LineGraph {
        private final int rows;
        private final List<List<Integer>> adjacent = new ArrayList<>();
        private final int[] order;
        private final int[] low;
        private int counter;
        private int[] found;

        LineGraph(boolean[][] hidden) {
            rows = hidden.length;
            int cols = hidden[0].length;
            for (int v = 0; v < rows + cols; v++) {
                adjacent.add(new ArrayList<>());
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (hidden[r][c]) {
                        adjacent.get(r).add(rows + c);
                        adjacent.get(rows + c).add(r);
                    }
                }
            }
            order = new int[rows + cols];
            low = new int[rows + cols];
        }

        /** {row, col} of a bridge, or null. */
        int[] firstBridge() {
            Arrays.fill(order, -1);
            counter = 0;
            found = null;
            for (int v = 0; v < order.length && found == null; v++) {
                if (order[v] < 0) {
                    visit(v, -1);
                }
            }
            if (found == null) {
                return null;
            }
            int a = Math.min(found[0], found[1]);
            int b = Math.max(found[0], found[1]);
            return new int[] {a, b - rows};
        }

        private void visit(int v, int parent) {
            order[v] = counter;
            low[v] = counter++;
            for (int w : adjacent.get(v)) {
                if (found != null) {
                    return;
                }
                if (order[w] < 0) {
                    visit(w, v);
                    low[v] = Math.min(low[v], low[w]);
                    if (low[w] > order[v]) {
                        found = new int[] {v, w};
                    }
                } else if (w != parent) {
                    low[v] = Math.min(low[v], order[w]);
                }
            }
        }

        /** The vertices reachable from {@code start} without crossing the edge {@code a-b}. */
        boolean[] sideWithout(int start, int a, int b) {
            boolean[] mark = new boolean[adjacent.size()];
            walk(start, a, b, mark);
            return mark;
        }

        private void walk(int start, int bridgeA, int bridgeB, boolean[] mark) {
            ArrayList<Integer> stack = new ArrayList<>();
            stack.add(start);
            mark[start] = true;
            while (!stack.isEmpty()) {
                int v = stack.remove(stack.size() - 1);
                for (int w : adjacent.get(v)) {
                    boolean cut = (v == bridgeA && w == bridgeB) || (v == bridgeB && w == bridgeA);
                    if (!cut && !mark[w]) {
                        mark[w] = true;
                        stack.add(w);
                    }
                }
            }
        }
    }
}
