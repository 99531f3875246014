package dev.damsel.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * A task's score on a memory: the accuracy that fills the accuracy matrix, in [0, 1], and named extra figures (for
 * retrieval tasks {@code "meanOverlap"}, the mean |x·ξ|/N of relaxed probes with their targets).
 */
public record TaskScore(double accuracy, Map<String, Double> details) {
    public TaskScore {
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1], got " + accuracy);
        }
        details = java.util.Collections.unmodifiableMap(new TreeMap<>(details));
    }

    public static TaskScore of(double accuracy) {
        return new TaskScore(accuracy, Map.of());
    }
}
