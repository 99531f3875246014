package dev.damsel.strategies.projection;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** GEM's projection against a brute-force search over the faces of the cone, and A-GEM's projection. */
class ConeProjectionTest {
    @Test
    void projectionSatisfiesEveryConstraintAndIsTheClosestSuchVector() {
        SplittableRandom random = new SplittableRandom(12);
        int projected = 0;
        for (int trial = 0; trial < 400; trial++) {
            int p = 2 + random.nextInt(5);
            int t = 1 + random.nextInt(Math.min(p, 4));
            double[] g = gaussian(p, random);
            double[][] constraints = new double[t][];
            for (int k = 0; k < t; k++) {
                constraints[k] = gaussian(p, random);
            }
            double[] out = ConeProjection.project(g, constraints, 0);
            for (double[] c : constraints) {
                assertThat(ConeProjection.dot(out, c)).isGreaterThanOrEqualTo(-1e-9);
            }
            double[] best = bruteForce(g, constraints);
            assertThat(distance(out, g)).isCloseTo(distance(best, g), within(1e-8));
            for (int j = 0; j < p; j++) {
                assertThat(out[j]).isCloseTo(best[j], within(1e-7));
            }
            projected += distance(out, g) > 0 ? 1 : 0;
        }
        assertThat(projected).as("enough trials needed a projection").isGreaterThan(100);
    }

    @Test
    void aGradientThatHurtsNoEarlierTaskIsLeftAlone() {
        double[] g = {1, 2, 3};
        assertThat(ConeProjection.project(g, new double[][]{{1, 0, 0}, {0, 1, 1}}, 0.5)).containsExactly(g);
    }

    @Test
    void aMarginPushesFurtherIntoTheCone() {
        double[] g = {-1, 1};
        double[][] c = {{1, 0}};
        assertThat(ConeProjection.project(g, c, 0)).containsExactly(new double[]{0, 1}, within(1e-12));
        // the dual variable of the exact projection is 1: a margin below it changes nothing, above it pushes further
        assertThat(ConeProjection.project(g, c, 0.5)).containsExactly(new double[]{0, 1}, within(1e-12));
        assertThat(ConeProjection.project(g, c, 2)).containsExactly(new double[]{1, 1}, within(1e-12));
    }

    @Test
    void aGemProjectsOntoTheHalfSpaceOnlyWhenTheGradientsDisagree() {
        float[] g = {1f, -2f};
        float[] reference = {0f, 1f};
        assertThat(AveragedProjection.project(g, reference)).isTrue();
        assertThat(g).containsExactly(1f, 0f);
        float[] agreeing = {1f, 2f};
        assertThat(AveragedProjection.project(agreeing, reference)).isFalse();
        assertThat(agreeing).containsExactly(1f, 2f);
    }

    /** The closest feasible point: the best projection of g onto {z : G_S z = 0} over every subset S of constraints. */
    private static double[] bruteForce(double[] g, double[][] constraints) {
        int t = constraints.length;
        double[] best = null;
        for (int mask = 0; mask < 1 << t; mask++) {
            double[] z = projectOntoNullSpace(g, constraints, mask);
            if (z == null) {
                continue;
            }
            boolean feasible = true;
            for (double[] c : constraints) {
                feasible &= ConeProjection.dot(z, c) >= -1e-9;
            }
            if (feasible && (best == null || distance(z, g) < distance(best, g))) {
                best = z;
            }
        }
        return best;
    }

    private static double[] projectOntoNullSpace(double[] g, double[][] constraints, int mask) {
        int[] rows = java.util.stream.IntStream.range(0, constraints.length).filter(k -> (mask >> k & 1) == 1).toArray();
        int s = rows.length;
        if (s == 0) {
            return g.clone();
        }
        double[][] a = new double[s][s + 1];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                a[i][j] = ConeProjection.dot(constraints[rows[i]], constraints[rows[j]]);
            }
            a[i][s] = ConeProjection.dot(constraints[rows[i]], g);
        }
        for (int c = 0; c < s; c++) {
            int pivot = c;
            for (int r = c + 1; r < s; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = a[c];
            a[c] = a[pivot];
            a[pivot] = swap;
            if (Math.abs(a[c][c]) < 1e-12) {
                return null;
            }
            for (int r = 0; r < s; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= s; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] z = g.clone();
        for (int i = 0; i < s; i++) {
            double lambda = a[i][s] / a[i][i];
            for (int j = 0; j < z.length; j++) {
                z[j] -= lambda * constraints[rows[i]][j];
            }
        }
        return z;
    }

    private static double[] gaussian(int p, SplittableRandom random) {
        double[] v = new double[p];
        for (int j = 0; j < p; j++) {
            v[j] = random.nextDouble(-1, 1);
        }
        return v;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (a[j] - b[j]) * (a[j] - b[j]);
        }
        return Math.sqrt(sum);
    }
}
