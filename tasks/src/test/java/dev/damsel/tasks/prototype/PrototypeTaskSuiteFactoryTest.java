package dev.damsel.tasks.prototype;

import dev.damsel.api.ConfigException;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskSequence;
import dev.damsel.tasks.fakes.NearestPatternMemory;
import dev.damsel.tasks.retrieval.RetrievalTask;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PrototypeTaskSuiteFactoryTest {
    private final PrototypeTaskSuiteFactory factory = new PrototypeTaskSuiteFactory();

    private TaskSequence suite(PrototypeTasksConfig config, long seed) {
        return factory.create(config, new SplittableRandom(seed));
    }

    /** The fraction of units of each row of {@code noisy} that differ from its prototype (row k / copies). */
    private static double flippedFraction(StateBatch noisy, StateBatch prototypes, int copies) {
        long flipped = 0;
        for (int r = 0; r < noisy.size(); r++) {
            for (int i = 0; i < noisy.dimension(); i++) {
                flipped += noisy.get(r, i) != prototypes.get(r / copies, i) ? 1 : 0;
            }
        }
        return (double) flipped / ((long) noisy.size() * noisy.dimension());
    }

    @Test
    void trainsOnNoisyExamplesAndScoresRecallOfThePrototypes() {
        TaskSequence s = suite(new PrototypeTasksConfig(2, 3, 4, 32, 0.1, 2, "synchronous", 20, false), 1);

        assertThat(s.tasks()).extracting(Task::id).containsExactly("prototype-1", "prototype-2");
        RetrievalTask task = (RetrievalTask) s.get(0);
        assertThat(task.targets().size()).isEqualTo(3);
        assertThat(task.trainingItems().size()).isEqualTo(12);
        assertThat(task.probes().size()).isEqualTo(6);
        assertThat(task.probeTargets()).containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(task.trainingItems()).isNotEqualTo(task.targets());
        assertThat(task.evaluate(new NearestPatternMemory(task.targets())).accuracy()).isEqualTo(1.0);
    }

    @Test
    void exampleAndProbeNoiseMatchQ() {
        // 5 tasks · 4 prototypes · 50 examples · 100 units = 100,000 units: the fraction's standard deviation is
        // sqrt(0.2·0.8/1e5) ≈ 0.0013, so ±0.01 is over 7 deviations; the seed is fixed, so this cannot flake
        PrototypeTasksConfig config = new PrototypeTasksConfig(5, 4, 50, 100, 0.2, 50, "synchronous", 20, false);
        TaskSequence s = suite(config, 42);

        double examples = 0;
        double probes = 0;
        for (Task t : s.tasks()) {
            RetrievalTask task = (RetrievalTask) t;
            examples += flippedFraction(task.trainingItems(), task.targets(), 50) / 5;
            probes += flippedFraction(task.probes(), task.targets(), 50) / 5;
        }
        assertThat(examples).isCloseTo(0.2, within(0.01));
        assertThat(probes).isCloseTo(0.2, within(0.01));
    }

    @Test
    void probesAreFreshExamples() {
        RetrievalTask task = (RetrievalTask) suite(new PrototypeTasksConfig(1, 2, 3, 64, 0.2, 3, "synchronous", 20, false), 5).get(0);

        assertThat(task.probes()).isNotEqualTo(task.trainingItems());
    }

    @Test
    void theSameSeedGivesTheSameSuiteAndShuffleOnlyReorders() {
        PrototypeTasksConfig plain = new PrototypeTasksConfig(4, 2, 3, 16, 0.1, 1, "synchronous", 20, false);
        PrototypeTasksConfig shuffled = new PrototypeTasksConfig(4, 2, 3, 16, 0.1, 1, "synchronous", 20, true);

        TaskSequence a = suite(plain, 7);
        TaskSequence b = suite(plain, 7);
        TaskSequence c = suite(shuffled, 7);
        for (int t = 0; t < 4; t++) {
            assertThat(b.get(t).trainingItems()).isEqualTo(a.get(t).trainingItems());
            Task moved = c.get(t);
            Task same = a.tasks().stream().filter(x -> x.id().equals(moved.id())).findFirst().orElseThrow();
            assertThat(moved.trainingItems()).isEqualTo(same.trainingItems());
        }
        assertThat(c.tasks()).extracting(Task::id).isNotEqualTo(a.tasks().stream().map(Task::id).toList());
    }

    @Test
    void badConfigsNameTheField() {
        assertThatThrownBy(() -> new PrototypeTasksConfig(1, 1, 1, 8, 0.6, 1, "synchronous", 1, false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.field()).isEqualTo("exampleNoise"));
        assertThatThrownBy(() -> new PrototypeTasksConfig(1, 1, 0, 8, 0.1, 1, "synchronous", 1, false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.field()).isEqualTo("examples"));
        assertThatThrownBy(() -> new PrototypeTasksConfig(3, 3, 1, 3, 0.1, 1, "synchronous", 1, false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.field()).isEqualTo("prototypes"));
        assertThatThrownBy(() -> new PrototypeTasksConfig(1, 1, 1, 8, 0.1, 0, "synchronous", 1, false))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.field()).isEqualTo("probesPerPrototype"));
        assertThat(PrototypeTasksConfig.DEFAULTS)
                .isEqualTo(new PrototypeTasksConfig(5, 3, 20, 64, 0.2, 5, "synchronous", 100, false));
    }
}
