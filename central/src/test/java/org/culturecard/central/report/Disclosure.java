package org.culturecard.central.report;

/**
 * An attacker's view of a published table, independent of {@link Suppression}'s graph reasoning:
 * linear algebra over the line equations (inner cells of each row and column add up to its
 * margin). A suppressed cell can be worked out exactly when its unit vector lies in the row space
 * of the equations restricted to the suppressed cells.
 */
final class Disclosure {

    private static final double EPS = 1e-9;

    private Disclosure() {
    }

    /** The first suppressed cell {r, c} that the published figures determine, or null. */
    static int[] derivableCell(boolean[][] hidden) {
        int rows = hidden.length;
        int cols = hidden[0].length;
        int[][] index = new int[rows][cols];
        int unknowns = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                index[r][c] = hidden[r][c] ? unknowns++ : -1;
            }
        }
        if (unknowns == 0) {
            return null;
        }
        double[][] equations = new double[rows + cols][unknowns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (index[r][c] >= 0) {
                    equations[r][index[r][c]] = c == cols - 1 ? -1 : 1;
                    equations[rows + c][index[r][c]] = r == rows - 1 ? -1 : 1;
                }
            }
        }
        int rank = rank(equations);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (index[r][c] >= 0) {
                    double[][] extended = new double[equations.length + 1][];
                    for (int i = 0; i < equations.length; i++) {
                        extended[i] = equations[i].clone();
                    }
                    extended[equations.length] = new double[unknowns];
                    extended[equations.length][index[r][c]] = 1;
                    if (rank(extended) == rank) {
                        return new int[] {r, c};
                    }
                }
            }
        }
        return null;
    }

    private static int rank(double[][] source) {
        double[][] m = new double[source.length][];
        for (int i = 0; i < source.length; i++) {
            m[i] = source[i].clone();
        }
        int rank = 0;
        int width = m.length == 0 ? 0 : m[0].length;
        for (int col = 0; col < width && rank < m.length; col++) {
            int pivot = -1;
            for (int row = rank; row < m.length; row++) {
                if (Math.abs(m[row][col]) > EPS && (pivot < 0 || Math.abs(m[row][col]) > Math.abs(m[pivot][col]))) {
                    pivot = row;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] swap = m[pivot];
            m[pivot] = m[rank];
            m[rank] = swap;
            for (int row = 0; row < m.length; row++) {
                if (row != rank && Math.abs(m[row][col]) > EPS) {
                    double factor = m[row][col] / m[rank][col];
                    for (int k = col; k < width; k++) {
                        m[row][k] -= factor * m[rank][k];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
