package dev.damsel.reports.aggregate;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;

/**
 * One metric over several seeds: its values, their mean, sample standard deviation and the half-width of the
 * two-sided Student-t confidence interval of the mean, {@code t_{1−α/2, n−1} · s / √n}. Undefined values (NaN, e.g. BWT
 * of a one-task run) are left out of n; with n = 0 every figure is NaN, with n = 1 the deviation and interval are.
 *
 * @param values     the per-seed values, in seed order, NaN where undefined
 * @param n          how many values are defined
 * @param mean       their mean
 * @param sd         their sample standard deviation (n − 1 in the denominator)
 * @param halfWidth  the confidence interval is {@code mean ± halfWidth}
 * @param confidence the level 1 − α of the interval, e.g. 0.95
 */
public record MetricSummary(double[] values, int n, double mean, double sd, double halfWidth, double confidence) {
    public MetricSummary {
        values = values.clone();
    }

    public static MetricSummary of(double[] values, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        double[] defined = Arrays.stream(values).filter(Double::isFinite).toArray();
        int n = defined.length;
        if (n == 0) {
            return new MetricSummary(values, 0, Double.NaN, Double.NaN, Double.NaN, confidence);
        }
        double mean = Arrays.stream(defined).sum() / n;
        if (n == 1) {
            return new MetricSummary(values, 1, mean, Double.NaN, Double.NaN, confidence);
        }
        double squares = 0;
        for (double v : defined) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new MetricSummary(values, n, mean, sd, t * sd / Math.sqrt(n), confidence);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetricSummary m && Arrays.equals(m.values, values) && m.n == n
                && Double.compare(m.mean, mean) == 0 && Double.compare(m.sd, sd) == 0
                && Double.compare(m.halfWidth, halfWidth) == 0 && Double.compare(m.confidence, confidence) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Double.hashCode(mean);
    }
}
