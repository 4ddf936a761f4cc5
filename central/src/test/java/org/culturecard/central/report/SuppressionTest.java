package org.culturecard.central.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuppressionTest {

    /** Builds the (R+1) x (C+1) grid with margins from inner cells. */
    static long[][] withMargins(long[][] inner) {
        int rows = inner.length;
        int cols = inner[0].length;
        long[][] grid = new long[rows + 1][cols + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                grid[r][c] = inner[r][c];
                grid[r][cols] += inner[r][c];
                grid[rows][c] += inner[r][c];
                grid[rows][cols] += inner[r][c];
            }
        }
        return grid;
    }

    @Test
    void publishesATableWithNoSmallCountsAsItIs() {
        boolean[][] mask = Suppression.mask(withMargins(new long[][] {{10, 20}, {30, 40}}));
        for (boolean[] row : mask) {
            assertThat(row).containsOnly(false);
        }
    }

    @Test
    void suppressesZeroAndNineButNotTen() {
        // 0 and 9 in different columns: together in one they would add up to 9 and take 10 with them.
        boolean[][] mask = Suppression.mask(withMargins(new long[][] {{0, 50, 60}, {30, 9, 80}, {20, 90, 10}}));
        assertThat(mask[0][0]).isTrue();
        assertThat(mask[1][1]).isTrue();
        assertThat(mask[2][2]).as("10 is published").isFalse();
    }

    @Test
    void aLoneSmallCellTakesTheNextSmallestOfItsRowAndColumnWithIt() {
        // 3 is small; in its row the next smallest is 12, in its column 15; then 12's column and
        // 15's row each need a second, which 40 (the smallest that closes the square) provides.
        long[][] grid = withMargins(new long[][] {{3, 12, 100}, {15, 40, 200}, {90, 80, 300}});
        boolean[][] mask = Suppression.mask(grid);
        assertThat(mask[0][0]).isTrue();
        assertThat(mask[0][1]).isTrue();
        assertThat(mask[1][0]).isTrue();
        assertThat(mask[1][1]).isTrue();
        assertThat(mask[2][2]).isFalse();
        assertThat(mask[3][3]).as("grand total").isFalse();
        assertThat(Disclosure.derivableCell(mask)).isNull();
    }

    @Test
    void aSingleRowTableHidesTheColumnTotalsThatEqualItsCells() {
        boolean[][] mask = Suppression.mask(withMargins(new long[][] {{5, 50, 60}}));
        assertThat(mask[0][0]).isTrue();
        assertThat(mask[1][0]).as("the column total equals the only cell").isTrue();
        assertThat(Disclosure.derivableCell(mask)).isNull();
    }

    @Test
    void breaksABridgeBetweenTwoSuppressedSquares() {
        // Two blocks of small numbers joined only through cell (1,2): without step 3 it is solvable.
        long[][] inner = {
            {1, 2, 50, 60, 70},
            {3, 4, 5, 80, 90},
            {100, 110, 6, 7, 120},
            {130, 140, 8, 9, 150},
        };
        boolean[][] mask = Suppression.mask(withMargins(inner));
        assertThat(Disclosure.derivableCell(mask)).isNull();
    }

    @Test
    void aReportWithoutGroupsEnds() {
        boolean[][] mask = Suppression.mask(new long[][] {{0, 0, 0}});
        assertThat(mask[0]).containsOnly(true);
    }

    @Test
    void anEmptyTableIsSuppressedEverywhere() {
        boolean[][] mask = Suppression.mask(withMargins(new long[][] {{0, 0}, {0, 0}}));
        for (boolean[] row : mask) {
            assertThat(row).containsOnly(true);
        }
    }

    @Test
    void twoSuppressedCellsSummingToUnderTenTakeAThirdWithThem() {
        // The report: row total 96 = 72 + 16 + 5 + 3; with 5 and 3 suppressed, 96 - 72 - 16
        // gives 8 for the two together. The smallest published cell of the row (16) goes too.
        long[][] inner = {{72, 16, 5, 3}, {200, 150, 120, 110}, {210, 160, 130, 140}};
        boolean[][] mask = Suppression.mask(withMargins(inner));
        assertThat(mask[0]).containsExactly(false, true, true, true, false);
        for (int r = 0; r < mask.length; r++) {
            long hidden = 0;
            for (int c = 0; c < mask[r].length; c++) {
                hidden += mask[r][c] ? withMargins(inner)[r][c] : 0;
            }
            assertThat(hidden).as("row %d", r).satisfiesAnyOf(h -> assertThat(h).isZero(),
                    h -> assertThat(h).isGreaterThanOrEqualTo(Suppression.THRESHOLD));
        }
        assertThat(Disclosure.derivableCell(mask)).isNull();
    }
}
