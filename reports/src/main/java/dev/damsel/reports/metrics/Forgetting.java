package dev.damsel.reports.metrics;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.Metric;

/**
 * {@code forgetting.maxPrev}: average forgetting after the last task (Chaudhry et al. 2018, "Riemannian Walk for
 * Incremental Learning"). For each earlier task j, f_j = max_{l∈{0..T−2}} R[l][j] − R[T−1][j], the drop from the best
 * score it ever had to its final score; F = 1/(T−1) Σ_{j=0}^{T−2} f_j. Each f_j is at least the drop since j was
 * learned, so F ≥ −BWT. Zero is no forgetting, positive is forgetting, lower is better; an f_j is negative only when
 * task j's final score beats every earlier one. NaN for a single task.
 */
public final class Forgetting implements Metric {
    public static final String ID = "forgetting.maxPrev";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String formula() {
        return "F = 1/(T−1) Σ_{j=0}^{T−2} (max_{l∈{0..T−2}} R[l][j] − R[T−1][j])";
    }

    @Override
    public double compute(AccuracyMatrix matrix) {
        int t = matrix.tasks();
        if (t < 2) {
            return Double.NaN;
        }
        double sum = 0;
        for (int j = 0; j < t - 1; j++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int l = 0; l < t - 1; l++) {
                best = Math.max(best, matrix.get(l, j));
            }
            sum += best - matrix.get(t - 1, j);
        }
        return sum / (t - 1);
    }
}
