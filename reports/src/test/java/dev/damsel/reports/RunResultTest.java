package dev.damsel.reports;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.Metric;
import dev.damsel.reports.metrics.AverageAccuracy;
import dev.damsel.reports.metrics.Metrics;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class RunResultTest {
    private static final AccuracyMatrix ONE = new AccuracyMatrix(new double[][] {{0.5}}, new double[] {0.0});
    private static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

    @Test
    void computesMetricsInTheGivenOrder() {
        Map<String, Double> metrics = RunResult.computeMetrics(ONE, Metrics.standard());

        assertThat(metrics.keySet()).containsExactly("acc", "bwt.gem", "fwt.gem", "forgetting.maxPrev",
                "intransigence");
        assertThat(metrics.get("acc")).isEqualTo(0.5);
        assertThat(metrics.get("bwt.gem")).isNaN();
    }

    @Test
    void refusesTwoMetricsWithOneId() {
        assertThatThrownBy(() -> RunResult.computeMetrics(ONE, List.<Metric>of(new AverageAccuracy(),
                new AverageAccuracy()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acc");
    }

    @Test
    void copiesEveryCollectionAndKeepsMetricOrder() {
        Map<String, Double> metrics = new java.util.LinkedHashMap<>();
        metrics.put("z", 1.0);
        metrics.put("a", 2.0);
        Map<String, Double> detail = new HashMap<>(Map.of("meanOverlap", 1.0));
        List<Map<String, Double>> row = new ArrayList<>(List.of(detail));
        List<List<Map<String, Double>>> details = new ArrayList<>(List.of(row, row));
        List<String> ids = new ArrayList<>(List.of("t"));

        RunResult result = new RunResult("s", "m", "st", 1, ONE, metrics, details, ids, List.of(0.0), NOW, NOW);
        metrics.put("b", 3.0);
        detail.put("meanOverlap", 0.0);
        ids.set(0, "changed");

        assertThat(result.metrics()).containsExactly(entry("z", 1.0), entry("a", 2.0));
        assertThat(result.details().get(1).get(0)).containsExactly(entry("meanOverlap", 1.0));
        assertThat(result.taskIds()).containsExactly("t");
        assertThatThrownBy(() -> result.metrics().put("c", 0.0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.details().get(0).get(0).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void checksSizesAgainstTheMatrix() {
        List<List<Map<String, Double>>> details = List.of(List.of(Map.of()), List.of(Map.of()));
        assertThatThrownBy(() -> new RunResult("s", "m", "st", 1, ONE, Map.of(), details, List.of("a", "b"),
                List.of(0.0), NOW, NOW)).hasMessageContaining("task ids");
        assertThatThrownBy(() -> new RunResult("s", "m", "st", 1, ONE, Map.of(), details, List.of("a"),
                List.of(), NOW, NOW)).hasMessageContaining("final losses");
        assertThatThrownBy(() -> new RunResult("s", "m", "st", 1, ONE, Map.of(), details.subList(0, 1), List.of("a"),
                List.of(0.0), NOW, NOW)).hasMessageContaining("rows of details");
        assertThatThrownBy(() -> new RunResult("s", "m", "st", 1, ONE, Map.of(), List.of(List.of(), List.of()),
                List.of("a"), List.of(0.0), NOW, NOW)).hasMessageContaining("entries");
    }
}
