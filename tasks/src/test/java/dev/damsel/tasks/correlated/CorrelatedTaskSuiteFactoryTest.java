package dev.damsel.tasks.correlated;

import dev.damsel.api.ConfigException;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskSequence;
import dev.damsel.tasks.fakes.NearestPatternMemory;
import dev.damsel.tasks.retrieval.RetrievalTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CorrelatedTaskSuiteFactoryTest {
    private final CorrelatedTaskSuiteFactory factory = new CorrelatedTaskSuiteFactory();

    private static CorrelatedTasksConfig config(int tasks, int patterns, int n, double c, int d) {
        return new CorrelatedTasksConfig(tasks, patterns, n, c, d, 1000, 0.1, 1, "synchronous", 50, false);
    }

    private TaskSequence suite(CorrelatedTasksConfig config, long seed) {
        return factory.create(config, new SplittableRandom(seed));
    }

    private static List<float[]> allPatterns(TaskSequence s) {
        List<float[]> out = new ArrayList<>();
        for (Task t : s.tasks()) {
            StateBatch targets = ((RetrievalTask) t).targets();
            for (int mu = 0; mu < targets.size(); mu++) {
                out.add(targets.row(mu));
            }
        }
        return out;
    }

    /** The mean pairwise overlap x·y/N over all pairs of patterns of the suite. */
    private static double meanOverlap(List<float[]> patterns) {
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < patterns.size(); a++) {
            for (int b = a + 1; b < patterns.size(); b++) {
                double dot = 0;
                for (int i = 0; i < patterns.get(a).length; i++) {
                    dot += patterns.get(a)[i] * patterns.get(b)[i];
                }
                sum += dot / patterns.get(a).length;
                pairs++;
            }
        }
        return sum / pairs;
    }

    @Test
    void everyTwoPatternsOfTheSuiteAreAtLeastTheMinimumDistanceApart() {
        List<float[]> patterns = allPatterns(suite(config(4, 10, 64, 0.5, 20), 3));

        assertThat(patterns).hasSize(40);
        for (int a = 0; a < patterns.size(); a++) {
            for (int b = a + 1; b < patterns.size(); b++) {
                int d = 0;
                for (int i = 0; i < 64; i++) {
                    d += patterns.get(a)[i] != patterns.get(b)[i] ? 1 : 0;
                }
                assertThat(d).isGreaterThanOrEqualTo(20);
            }
        }
    }

    @Test
    void theCorrelationKnobSetsTheMeanOverlapNearCSquared() {
        // expected overlap c²: 0 and 0.36; 190 pairs of 256 units keep the estimate within a few hundredths
        double none = meanOverlap(allPatterns(suite(config(2, 10, 256, 0.0, 0), 11)));
        double strong = meanOverlap(allPatterns(suite(config(2, 10, 256, 0.6, 0), 11)));

        assertThat(none).isCloseTo(0.0, within(0.05));
        assertThat(strong).isCloseTo(0.36, within(0.08));
        assertThat(strong - none).isGreaterThan(0.2);
    }

    @Test
    void isAnAutoassociativeRetrievalSuiteLikeRandom() {
        TaskSequence s = suite(config(3, 4, 32, 0.3, 4), 1);

        assertThat(s.id()).isEqualTo("correlated");
        assertThat(s.tasks()).extracting(Task::id).containsExactly("correlated-1", "correlated-2", "correlated-3");
        for (Task t : s.tasks()) {
            RetrievalTask task = (RetrievalTask) t;
            assertThat(task.trainingItems()).isEqualTo(task.targets());
            assertThat(task.evaluate(new NearestPatternMemory(task.targets())).accuracy()).isEqualTo(1.0);
        }
    }

    @Test
    void theSameSeedGivesTheSameSuite() {
        assertThat(allPatterns(suite(config(3, 5, 40, 0.4, 5), 8)))
                .usingRecursiveComparison().isEqualTo(allPatterns(suite(config(3, 5, 40, 0.4, 5), 8)));
        assertThat(((RetrievalTask) suite(config(3, 5, 40, 0.4, 5), 8).get(2)).probes())
                .isEqualTo(((RetrievalTask) suite(config(3, 5, 40, 0.4, 5), 8).get(2)).probes());
    }

    @Test
    void tooManyFailedDrawsNameMinDistance() {
        // 64 units at c = 0.9: patterns agree with the latent on ~95% of units, so 20 apart almost never happens
        CorrelatedTasksConfig hard = new CorrelatedTasksConfig(1, 5, 64, 0.9, 20, 50, 0.1, 1, "synchronous", 10, false);

        assertThatThrownBy(() -> suite(hard, 1)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.field()).isEqualTo("tasks.minDistance");
            assertThat(e.problem()).contains("could not be met").contains("50 draws");
        });
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                arguments("correlation", (Supplier<?>) () -> config(1, 1, 8, 1.5, 0)),
                arguments("minDistance", (Supplier<?>) () -> config(1, 1, 8, 0.5, 9)),
                arguments("minDistance", (Supplier<?>) () -> config(1, 1, 8, 0.5, -1)),
                // Plotkin: 8 units pairwise >= 6 apart: at most 2·⌊6/4⌋ = 2 patterns
                arguments("minDistance", (Supplier<?>) () -> config(1, 3, 8, 0.0, 6)),
                // 2^3 = 8 distinct patterns of 3 units
                arguments("minDistance", (Supplier<?>) () -> config(3, 3, 3, 0.0, 1)),
                arguments("correlation", (Supplier<?>) () -> config(1, 2, 8, 1.0, 1)),
                arguments("tasks", (Supplier<?>) () -> config(0, 1, 8, 0.5, 0)),
                arguments("maxAttempts", (Supplier<?>) () -> new CorrelatedTasksConfig(1, 1, 8, 0.5, 1, 0, 0.1, 1, "synchronous", 1, false)),
                arguments("update", (Supplier<?>) () -> new CorrelatedTasksConfig(1, 1, 8, 0.5, 1, 1, 0.1, 1, "later", 1, false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void badOrInfeasibleConfigsNameTheField(String field, Supplier<?> config) {
        assertThatThrownBy(config::get).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void thePlotkinBound() {
        assertThat(CorrelatedTasksConfig.maxCodewords(8, 8)).isEqualTo(2);
        assertThat(CorrelatedTasksConfig.maxCodewords(8, 5)).isEqualTo(4);
        assertThat(CorrelatedTasksConfig.maxCodewords(3, 1)).isEqualTo(8);
        assertThat(CorrelatedTasksConfig.maxCodewords(100, 10)).isEqualTo(Long.MAX_VALUE);
        assertThat(CorrelatedTasksConfig.DEFAULTS)
                .isEqualTo(new CorrelatedTasksConfig(5, 10, 64, 0.5, 8, 1000, 0.1, 1, "synchronous", 100, false));
    }
}
