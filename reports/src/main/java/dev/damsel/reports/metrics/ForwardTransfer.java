package dev.damsel.reports.metrics;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.Metric;

/**
 * {@code fwt.gem}: forward transfer as defined for GEM (Lopez-Paz &amp; Ranzato 2017, "Gradient Episodic Memory for
 * Continual Learning"): FWT = 1/(T−1) Σ_{j=1}^{T−1} (R[j−1][j] − b[j]), how training the earlier tasks changed the
 * score on each task before it is trained, relative to the untrained memory. Positive means earlier tasks helped
 * (zero-shot transfer); negative that they interfered. NaN for a single task.
 */
public final class ForwardTransfer implements Metric {
    public static final String ID = "fwt.gem";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String formula() {
        return "FWT = 1/(T−1) Σ_{j=1}^{T−1} (R[j−1][j] − b[j])";
    }

    @Override
    public double compute(AccuracyMatrix matrix) {
        int t = matrix.tasks();
        if (t < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int j = 1; j < t; j++) {
            sum += matrix.get(j - 1, j) - matrix.before(j);
        }
        return sum / (t - 1);
    }
}
