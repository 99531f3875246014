package dev.damsel.reports.metrics;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.Metric;

/**
 * {@code acc}: the average accuracy over all T tasks after training the last one, ACC = (1/T) Σ_j R[T−1][j]
 * (Lopez-Paz &amp; Ranzato 2017, "Gradient Episodic Memory for Continual Learning"; the A_T of Chaudhry et al. 2018).
 * Higher is better.
 */
public final class AverageAccuracy implements Metric {
    public static final String ID = "acc";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String formula() {
        return "ACC = (1/T) Σ_j R[T−1][j]";
    }

    @Override
    public double compute(AccuracyMatrix matrix) {
        int t = matrix.tasks();
        double sum = 0;
        for (int j = 0; j < t; j++) {
            sum += matrix.get(t - 1, j);
        }
        return sum / t;
    }
}
