package dev.damsel.strategies.projection;

/**
 * Minimises {@code ½ vᵀAv + bᵀv} over {@code v ≥ 0} for a small symmetric positive semi-definite A, by the active-set
 * method of Lawson &amp; Hanson (1974, "Solving Least Squares Problems", ch. 23, algorithm NNLS) written on the normal
 * equations: NNLS of {@code ‖Mv − d‖²} is this problem with {@code A = MᵀM}, {@code b = −Mᵀd}. Exact up to rounding
 * after finitely many steps; each step solves the equality-constrained problem on the current passive set.
 */
public final class NonNegativeQuadratic {
    private NonNegativeQuadratic() {
    }

    public static double[] minimise(double[][] a, double[] b) {
        int t = b.length;
        double scale = 0;
        for (int i = 0; i < t; i++) {
            scale = Math.max(scale, Math.abs(b[i]));
            for (int j = 0; j < t; j++) {
                scale = Math.max(scale, Math.abs(a[i][j]));
            }
        }
        double tol = 1e-12 * Math.max(scale, Double.MIN_NORMAL);
        double[] v = new double[t];
        boolean[] passive = new boolean[t];
        for (int outer = 0; outer < 3 * t + 10; outer++) {
            double[] w = negativeGradient(a, b, v);
            int enter = -1;
            for (int j = 0; j < t; j++) {
                if (!passive[j] && w[j] > tol && (enter < 0 || w[j] > w[enter])) {
                    enter = j;
                }
            }
            if (enter < 0) {
                break;
            }
            passive[enter] = true;
            for (int inner = 0; inner < 3 * t + 10; inner++) {
                double[] s = solvePassive(a, b, passive);
                boolean feasible = true;
                for (int j = 0; j < t; j++) {
                    if (passive[j] && s[j] <= 0) {
                        feasible = false;
                        break;
                    }
                }
                if (feasible) {
                    v = s;
                    break;
                }
                double alpha = 1;
                for (int j = 0; j < t; j++) {
                    if (passive[j] && s[j] <= 0) {
                        alpha = Math.min(alpha, v[j] / (v[j] - s[j]));
                    }
                }
                for (int j = 0; j < t; j++) {
                    v[j] += alpha * (s[j] - v[j]);
                    if (passive[j] && v[j] <= tol) {
                        passive[j] = false;
                        v[j] = 0;
                    }
                }
            }
        }
        return v;
    }

    private static double[] negativeGradient(double[][] a, double[] b, double[] v) {
        double[] w = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            double sum = b[i];
            for (int j = 0; j < b.length; j++) {
                sum += a[i][j] * v[j];
            }
            w[i] = -sum;
        }
        return w;
    }

    /** Solves {@code A_PP s_P = −b_P}, zero off the passive set (a tiny ridge keeps a singular A_PP solvable). */
    private static double[] solvePassive(double[][] a, double[] b, boolean[] passive) {
        int t = b.length;
        int[] index = new int[t];
        int p = 0;
        double trace = 0;
        for (int j = 0; j < t; j++) {
            if (passive[j]) {
                index[p++] = j;
                trace += a[j][j];
            }
        }
        double ridge = 1e-13 * Math.max(trace, Double.MIN_NORMAL);
        double[][] m = new double[p][p + 1];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                m[r][c] = a[index[r]][index[c]] + (r == c ? ridge : 0);
            }
            m[r][p] = -b[index[r]];
        }
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int r = col + 1; r < p; r++) {
                double f = m[r][col] / m[col][col];
                for (int c = col; c <= p; c++) {
                    m[r][c] -= f * m[col][c];
                }
            }
        }
        double[] x = new double[p];
        for (int r = p - 1; r >= 0; r--) {
            double sum = m[r][p];
            for (int c = r + 1; c < p; c++) {
                sum -= m[r][c] * x[c];
            }
            x[r] = sum / m[r][r];
        }
        double[] s = new double[t];
        for (int r = 0; r < p; r++) {
            s[index[r]] = x[r];
        }
        return s;
    }
}
