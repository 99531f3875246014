package dev.damsel.reports;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.reports.metrics.Metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Hand-made run results for the writer tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * Two tasks, no joint reference (so intransigence is NaN), the second task's final loss missing (NaN).
     * R = |1.0 0.25|, b = (0.0, 0.125): ACC = (0.5 + 1.0)/2 = 0.75, BWT = 0.5 − 1.0 = −0.5, FWT = 0.25 − 0.125 = 0.125,
     *     |0.5 1.0 |  forgetting = 1.0 − 0.5 = 0.5.
     */
    public static RunResult twoTasks() {
        AccuracyMatrix matrix = new AccuracyMatrix(new double[][] {{1.0, 0.25}, {0.5, 1.0}}, new double[] {0.0, 0.125});
        return new RunResult("random", "dense-bipolar", "naive", 42L, matrix,
                RunResult.computeMetrics(matrix, Metrics.standard()),
                List.of(
                        List.of(Map.of("meanOverlap", 0.0625), Map.of("meanOverlap", 0.125)),
                        List.of(Map.of("meanOverlap", 1.0), Map.of("meanOverlap", 0.5)),
                        List.of(Map.of("meanOverlap", 0.75), Map.of("meanOverlap", 1.0))),
                List.of("random-1", "random-2"), List.of(0.015625, Double.NaN),
                Instant.parse("2024-05-01T12:00:00Z"), Instant.parse("2024-05-01T12:00:03.250Z"));
    }

    /** Three tasks with a joint reference a*, so every standard metric is defined. */
    public static RunResult threeTasksWithReference() {
        AccuracyMatrix matrix = new AccuracyMatrix(
                new double[][] {{0.9, 0.2, 0.1}, {0.7, 0.8, 0.3}, {0.5, 0.6, 1.0}},
                new double[] {0.1, 0.1, 0.0},
                new double[] {0.95, 0.9, 1.0});
        Map<String, Double> d = Map.of("meanOverlap", 0.5, "other", -1.0);
        List<Map<String, Double>> row = List.of(d, d, d);
        return new RunResult("random", "dense-bipolar", "ewc", -7L, matrix,
                RunResult.computeMetrics(matrix, Metrics.standard()), List.of(row, row, row, row),
                List.of("random-1", "random-2", "random-3"), List.of(0.1, 0.2, 0.3),
                Instant.parse("2024-05-01T12:00:00Z"), Instant.parse("2024-05-01T13:00:00Z"));
    }

    /** The same run under another seed, its ACC replaced (so that summaries over the two have a spread). */
    public static RunResult withSeed(RunResult run, long seed, double acc) {
        Map<String, Double> metrics = new java.util.LinkedHashMap<>(run.metrics());
        metrics.put("acc", acc);
        return new RunResult(run.suite(), run.memory(), run.strategy(), seed, run.matrix(), metrics, run.details(),
                run.taskIds(), run.finalLosses(), run.started(), run.finished());
    }

    /** The text of {@code src/test/resources/golden/<name>}, which seals an output format. */
    public static String golden(String name) throws java.io.IOException {
        try (java.io.InputStream in = Fixtures.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new java.io.FileNotFoundException("golden file " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
