package dev.damsel.reports;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.Metric;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one run produced: the raw accuracy matrix (the material of every metric, Lopez-Paz &amp; Ranzato 2017; Chaudhry
 * et al. 2018), the metrics computed from it, and the per-evaluation details. Immutable: the constructor copies every
 * collection.
 *
 * @param suite       the task suite's config id, e.g. {@code "random"}
 * @param memory      the memory's config id
 * @param strategy    the strategy's config id
 * @param seed        the run's master seed
 * @param matrix      R, b and optionally a* over the T tasks
 * @param metrics     metric id → value (NaN where undefined), in the order computed (for the standard set, the order of
 *                    {@code Metrics.standard()})
 * @param details     T+1 evaluation rows of T entries: row 0 scores every task before training, row k+1 after training
 *                    task k; each entry is that {@code TaskScore}'s details (e.g. {@code meanOverlap})
 * @param taskIds     the T task ids in training order
 * @param finalLosses the training loss at the end of each task's training (NaN if none was recorded), T values
 * @param started     when the run started
 * @param finished    when it finished
 */
public record RunResult(String suite, String memory, String strategy, long seed, AccuracyMatrix matrix,
                        Map<String, Double> metrics, List<List<Map<String, Double>>> details, List<String> taskIds,
                        List<Double> finalLosses, Instant started, Instant finished) {

    public RunResult {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        int t = matrix.tasks();
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        taskIds = List.copyOf(taskIds);
        finalLosses = List.copyOf(finalLosses);
        if (taskIds.size() != t) {
            throw new IllegalArgumentException(t + " tasks need " + t + " task ids, got " + taskIds.size());
        }
        if (finalLosses.size() != t) {
            throw new IllegalArgumentException(t + " tasks need " + t + " final losses, got " + finalLosses.size());
        }
        if (details.size() != t + 1) {
            throw new IllegalArgumentException(t + " tasks need " + (t + 1) + " rows of details (before training, then"
                    + " after each task), got " + details.size());
        }
        List<List<Map<String, Double>>> rows = new ArrayList<>(t + 1);
        for (List<Map<String, Double>> row : details) {
            if (row.size() != t) {
                throw new IllegalArgumentException("each row of details needs " + t + " entries, got " + row.size());
            }
            List<Map<String, Double>> copy = new ArrayList<>(t);
            for (Map<String, Double> entry : row) {
                copy.add(Collections.unmodifiableMap(new TreeMap<>(entry)));
            }
            rows.add(Collections.unmodifiableList(copy));
        }
        details = Collections.unmodifiableList(rows);
    }

    /** T, the number of tasks. */
    public int tasks() {
        return matrix.tasks();
    }

    /**
     * Each metric's value on the matrix, keyed by id in the order given.
     *
     * @throws IllegalArgumentException if two metrics share an id
     */
    public static Map<String, Double> computeMetrics(AccuracyMatrix matrix, List<? extends Metric> metrics) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            if (values.put(metric.id(), metric.compute(matrix)) != null) {
                throw new IllegalArgumentException("two metrics have the id " + metric.id());
            }
        }
        return Collections.unmodifiableMap(values);
    }
}
