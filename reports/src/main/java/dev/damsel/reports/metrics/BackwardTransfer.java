package dev.damsel.reports.metrics;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.Metric;

/**
 * {@code bwt.gem}: backward transfer as defined for GEM (Lopez-Paz &amp; Ranzato 2017, "Gradient Episodic Memory for
 * Continual Learning"): BWT = 1/(T−1) Σ_{j=0}^{T−2} (R[T−1][j] − R[j][j]), how training the later tasks changed the
 * score on each earlier task since it was learned. Negative is forgetting; positive means later tasks helped. NaN for
 * a single task.
 */
public final class BackwardTransfer implements Metric {
    public static final String ID = "bwt.gem";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String formula() {
        return "BWT = 1/(T−1) Σ_{j=0}^{T−2} (R[T−1][j] − R[j][j])";
    }

    @Override
    public double compute(AccuracyMatrix matrix) {
        int t = matrix.tasks();
        if (t < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int j = 0; j < t - 1; j++) {
            sum += matrix.get(t - 1, j) - matrix.get(j, j);
        }
        return sum / (t - 1);
    }
}
