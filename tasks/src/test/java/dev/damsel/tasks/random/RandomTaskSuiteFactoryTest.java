package dev.damsel.tasks.random;

import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskScore;
import dev.damsel.api.TaskSequence;
import dev.damsel.api.UpdateMode;
import dev.damsel.tasks.fakes.IdentityMemory;
import dev.damsel.tasks.fakes.NearestPatternMemory;
import dev.damsel.tasks.retrieval.RetrievalTask;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RandomTaskSuiteFactoryTest {
    private final RandomTaskSuiteFactory factory = new RandomTaskSuiteFactory();

    private TaskSequence suite(RandomTasksConfig config, long seed) {
        return factory.create(config, new SplittableRandom(seed));
    }

    private static RetrievalTask task(TaskSequence sequence, int index) {
        return (RetrievalTask) sequence.get(index);
    }

    private static int hamming(StateBatch a, int rowA, StateBatch b, int rowB) {
        int d = 0;
        for (int i = 0; i < a.dimension(); i++) {
            d += a.get(rowA, i) != b.get(rowB, i) ? 1 : 0;
        }
        return d;
    }

    @Test
    void describesItself() {
        assertThat(factory.id()).isEqualTo("random");
        assertThat(factory.configType()).isEqualTo(RandomTasksConfig.class);
        assertThat(factory.defaults()).isEqualTo(RandomTasksConfig.DEFAULTS);
    }

    @Test
    void makesTheConfiguredShape() {
        RandomTasksConfig config = new RandomTasksConfig(3, 4, 16, 0.25, 2, "asynchronous", 9, false);

        TaskSequence sequence = suite(config, 1);

        assertThat(sequence.id()).isEqualTo("random");
        assertThat(sequence.dimension()).isEqualTo(16);
        assertThat(sequence.tasks()).extracting(Task::id).containsExactly("random-1", "random-2", "random-3");
        for (int t = 0; t < 3; t++) {
            RetrievalTask task = task(sequence, t);
            assertThat(task.trainingItems().size()).isEqualTo(4);
            assertThat(task.targets()).isEqualTo(task.trainingItems());
            assertThat(task.trainingMask().isAll()).isTrue();
            assertThat(task.probes().size()).isEqualTo(8);
            // pattern-major: both probes of pattern 0, then of pattern 1…
            assertThat(task.probeTargets()).containsExactly(0, 0, 1, 1, 2, 2, 3, 3);
            assertThat(task.relaxOptions().mode()).isEqualTo(UpdateMode.ASYNCHRONOUS);
            assertThat(task.relaxOptions().maxIterations()).isEqualTo(9);
            for (float v : task.trainingItems().values()) {
                assertThat(v).isIn(1f, -1f);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSuite() {
        RandomTasksConfig config = new RandomTasksConfig(3, 5, 40, 0.2, 2, "synchronous", 50, false);

        TaskSequence first = suite(config, 77);
        TaskSequence second = suite(config, 77);

        for (int t = 0; t < 3; t++) {
            assertThat(task(second, t).targets()).isEqualTo(task(first, t).targets());
            assertThat(task(second, t).probes()).isEqualTo(task(first, t).probes());
            assertThat(task(second, t).probeTargets()).isEqualTo(task(first, t).probeTargets());
            assertThat(task(second, t).relaxOptions()).isEqualTo(task(first, t).relaxOptions());
        }
    }

    @Test
    void differentSeedsGiveDifferentSuites() {
        RandomTasksConfig config = new RandomTasksConfig(3, 5, 40, 0.2, 1, "synchronous", 50, false);

        TaskSequence first = suite(config, 77);
        TaskSequence second = suite(config, 78);

        for (int t = 0; t < 3; t++) {
            assertThat(task(second, t).targets()).isNotEqualTo(task(first, t).targets());
            assertThat(task(second, t).probes()).isNotEqualTo(task(first, t).probes());
            assertThat(task(second, t).relaxOptions().seed()).isNotEqualTo(task(first, t).relaxOptions().seed());
        }
    }

    @Test
    void tasksOfOneSuiteDiffer() {
        TaskSequence sequence = suite(new RandomTasksConfig(2, 5, 40, 0.2, 1, "synchronous", 50, false), 5);

        assertThat(task(sequence, 1).targets()).isNotEqualTo(task(sequence, 0).targets());
        assertThat(task(sequence, 1).relaxOptions().seed()).isNotEqualTo(task(sequence, 0).relaxOptions().seed());
    }

    @Test
    void patternsDoNotDependOnNoiseOrProbeCount() {
        TaskSequence quiet = suite(new RandomTasksConfig(2, 5, 40, 0.0, 1, "synchronous", 50, false), 9);
        TaskSequence noisy = suite(new RandomTasksConfig(2, 5, 40, 0.3, 4, "asynchronous", 3, false), 9);

        for (int t = 0; t < 2; t++) {
            assertThat(task(noisy, t).targets()).isEqualTo(task(quiet, t).targets());
        }
    }

    @Test
    void eachProbeDiffersFromItsPatternInExactlyRoundedNoiseTimesDimensionUnits() {
        // ρ·N = 0.1·64 = 6.4 → 6 and 0.25·10 = 2.5 → 3 (halves round up)
        for (RandomTasksConfig config : List.of(new RandomTasksConfig(3, 10, 64, 0.1, 3, "synchronous", 10, false),
                new RandomTasksConfig(3, 10, 10, 0.25, 3, "synchronous", 10, false))) {
            int expected = config.dimension() == 64 ? 6 : 3;
            TaskSequence sequence = suite(config, 123);
            for (Task t : sequence.tasks()) {
                RetrievalTask task = (RetrievalTask) t;
                int[] targets = task.probeTargets();
                for (int p = 0; p < targets.length; p++) {
                    assertThat(hamming(task.probes(), p, task.targets(), targets[p])).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void zeroNoiseProbesAreThePatterns() {
        RetrievalTask task = task(suite(new RandomTasksConfig(1, 6, 20, 0.0, 1, "synchronous", 10, false), 4), 0);

        assertThat(task.probes()).isEqualTo(task.targets());
    }

    @Test
    void allPatternsOfTheSuiteAreDistinctEvenWhenTheyExhaustTheSpace() {
        // 4 tasks · 4 patterns = 16 = 2^4: the suite must use every pattern of 4 units exactly once
        TaskSequence sequence = suite(new RandomTasksConfig(4, 4, 4, 0.25, 1, "synchronous", 10, false), 2024);

        Set<List<Float>> patterns = new HashSet<>();
        for (Task t : sequence.tasks()) {
            StateBatch targets = ((RetrievalTask) t).targets();
            for (int mu = 0; mu < targets.size(); mu++) {
                List<Float> row = new ArrayList<>();
                for (float v : targets.row(mu)) {
                    row.add(v);
                }
                patterns.add(row);
            }
        }
        assertThat(patterns).hasSize(16);
    }

    @Test
    void aNearestPatternMemoryRecallsEveryProbeAndTheIdentityMemoryNone() {
        RandomTasksConfig config = new RandomTasksConfig(2, 10, 64, 0.1, 2, "synchronous", 10, false);
        TaskSequence sequence = suite(config, 31);

        for (Task t : sequence.tasks()) {
            RetrievalTask task = (RetrievalTask) t;
            TaskScore recalled = task.evaluate(new NearestPatternMemory(task.targets()));
            TaskScore unchanged = task.evaluate(new IdentityMemory(64));

            assertThat(recalled.accuracy()).isEqualTo(1.0);
            assertThat(recalled.details().get(RetrievalTask.MEAN_OVERLAP)).isEqualTo(1.0);
            // 6 of 64 units flipped: overlap (64 − 2·6)/64 = 1 − 2·(6/64) = 0.8125
            assertThat(unchanged.accuracy()).isEqualTo(0.0);
            assertThat(unchanged.details().get(RetrievalTask.MEAN_OVERLAP)).isCloseTo(0.8125, within(1e-12));
        }
    }

    @Test
    void theDefaultSuiteIsQuickToMake() {
        TaskSequence sequence = suite(RandomTasksConfig.DEFAULTS, 0);

        assertThat(sequence.size()).isEqualTo(5);
        assertThat(sequence.tasks().stream().map(t -> t.trainingItems().size()))
                .containsOnly(10);
    }
}
