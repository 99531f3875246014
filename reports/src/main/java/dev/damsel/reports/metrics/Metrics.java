package dev.damsel.reports.metrics;

import dev.damsel.api.Metric;

import java.util.List;

/** The standard set of sequential-learning metrics; each is a pure function of an accuracy matrix. */
public final class Metrics {
    private static final List<Metric> STANDARD = List.of(new AverageAccuracy(), new BackwardTransfer(),
            new ForwardTransfer(), new Forgetting(), new Intransigence());

    private Metrics() {
    }

    /**
     * {@code acc}, {@code bwt.gem}, {@code fwt.gem}, {@code forgetting.maxPrev}, {@code intransigence}, in this order,
     * the order reports list them in.
     */
    public static List<Metric> standard() {
        return STANDARD;
    }
}
