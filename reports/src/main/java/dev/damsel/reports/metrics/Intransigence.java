package dev.damsel.reports.metrics;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.Metric;

/**
 * {@code intransigence}: how much less well the model learns each new task than a reference trained jointly on all
 * tasks so far (Chaudhry et al. 2018, "Riemannian Walk for Incremental Learning"): I_k = a*_k − R[k][k], averaged,
 * I = (1/T) Σ_{k=0}^{T−1} (a*_k − R[k][k]). Positive means the sequential learner takes up new tasks less well than
 * the joint reference; lower is better. NaN when the matrix has no joint-training reference a*.
 */
public final class Intransigence implements Metric {
    public static final String ID = "intransigence";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String formula() {
        return "I = (1/T) Σ_k (a*_k − R[k][k])";
    }

    @Override
    public double compute(AccuracyMatrix matrix) {
        return matrix.aStar().map(aStar -> {
            int t = matrix.tasks();
            double sum = 0;
            for (int k = 0; k < t; k++) {
                sum += aStar[k] - matrix.get(k, k);
            }
            return sum / t;
        }).orElse(Double.NaN);
    }
}
