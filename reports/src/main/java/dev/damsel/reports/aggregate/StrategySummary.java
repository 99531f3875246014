package dev.damsel.reports.aggregate;

import dev.damsel.reports.RunResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One strategy over several seeds: each metric's {@link MetricSummary}.
 *
 * @param name     the strategy's name in the experiment (its config id unless the config names it)
 * @param strategy the strategy's config id
 * @param seeds    the seeds, in the order of every metric's values
 * @param metrics  metric id → summary, in the order the runs list their metrics
 */
public record StrategySummary(String name, String strategy, List<Long> seeds, Map<String, MetricSummary> metrics) {
    public StrategySummary {
        seeds = List.copyOf(seeds);
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** Summarises the runs of one strategy, one per seed, at the given confidence level. */
    public static StrategySummary of(String name, List<RunResult> runs, double confidence) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one run");
        }
        List<Long> seeds = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (RunResult run : runs) {
            seeds.add(run.seed());
            ids.addAll(run.metrics().keySet());
        }
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        for (String id : ids) {
            double[] values = runs.stream().mapToDouble(r -> r.metrics().getOrDefault(id, Double.NaN)).toArray();
            metrics.put(id, MetricSummary.of(values, confidence));
        }
        return new StrategySummary(name, runs.get(0).strategy(), seeds, metrics);
    }
}
