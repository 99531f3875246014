package dev.damsel.core.sequence;

import dev.damsel.api.AssociativeMemory;
import dev.damsel.api.GradientStep;
import dev.damsel.api.RunEvents;
import dev.damsel.api.RunListener;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Strategy;
import dev.damsel.api.Task;
import dev.damsel.api.TaskContext;
import dev.damsel.api.TaskScore;
import dev.damsel.api.TaskSequence;
import dev.damsel.api.UnitMask;
import dev.damsel.core.interaction.RectifiedPolynomialInteraction;
import dev.damsel.core.memory.DenseBipolarMemory;
import dev.damsel.core.memory.DenseBipolarMemoryConfig;
import dev.damsel.core.memory.DenseBipolarMemoryFactory;
import dev.damsel.core.training.TrainingConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SequentialLearningTest {
    private static final int N = 6;
    private static final TrainingConfig TWO_EPOCHS = new TrainingConfig(2, 0, 0.1, 1.0, 0.6, 1.0, 1.0);

    /** A task whose k-th evaluation scores {@code 0.1·index + 0.01·k}, logging each call. */
    static final class ScriptedTask implements Task {
        private final String id;
        private final int index;
        private final StateBatch items;
        private final List<String> log;
        private int evaluations;

        ScriptedTask(String id, int index, StateBatch items, List<String> log) {
            this.id = id;
            this.index = index;
            this.items = items;
            this.log = log;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public StateBatch trainingItems() {
            return items;
        }

        @Override
        public UnitMask trainingMask() {
            return UnitMask.all(N);
        }

        @Override
        public TaskScore evaluate(AssociativeMemory memory) {
            log.add("evaluate " + id);
            double score = 0.1 * index + 0.01 * evaluations++;
            return new TaskScore(score, Map.of("calls", (double) evaluations));
        }
    }

    /** Logs every hook and every event into one list. */
    static final class Recorder implements Strategy, RunListener {
        final List<String> log;

        Recorder(List<String> log) {
            this.log = log;
        }

        @Override
        public void beforeTask(TaskContext context) {
            log.add("beforeTask " + context.taskIndex() + " seen "
                    + context.seenTasks().stream().map(Task::id).toList());
        }

        @Override
        public StateBatch epochItems(TaskContext context, int epoch, StateBatch taskItems) {
            log.add("epochItems " + context.taskIndex() + "." + epoch);
            return taskItems;
        }

        @Override
        public StateBatch batch(TaskContext context, int epoch, StateBatch batch) {
            log.add("batch");
            return batch;
        }

        @Override
        public void adjustGradient(GradientStep step) {
            log.add("adjustGradient");
        }

        @Override
        public void afterUpdate(GradientStep step, float[] parametersBefore) {
            log.add("afterUpdate");
        }

        @Override
        public void afterTask(TaskContext context) {
            log.add("afterTask " + context.taskIndex());
        }

        @Override
        public void runStarted(RunEvents.RunStarted e) {
            log.add("runStarted " + e.suiteId() + " " + e.taskCount() + " " + e.epochsPerTask() + " " + e.evaluations());
        }

        @Override
        public void taskStarted(RunEvents.TaskStarted e) {
            log.add("taskStarted " + e.taskIndex() + " " + e.taskId());
        }

        @Override
        public void epochFinished(RunEvents.EpochFinished e) {
            log.add("epochFinished " + e.taskIndex() + "." + e.epoch());
        }

        @Override
        public void taskFinished(RunEvents.TaskFinished e) {
            log.add("taskFinished " + e.taskIndex());
        }

        @Override
        public void evaluated(RunEvents.Evaluated e) {
            log.add("evaluated " + e.afterTask() + " " + e.taskIndex() + " " + e.taskId() + " "
                    + Math.round(100 * e.score().accuracy()));
        }

        @Override
        public void runFinished(RunEvents.RunFinished e) {
            log.add("runFinished " + e.matrix().tasks());
        }
    }

    private static StateBatch patterns(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[size * N];
        for (int p = 0; p < x.length; p++) {
            x[p] = random.nextBoolean() ? 1f : -1f;
        }
        return new StateBatch(size, N, x);
    }

    private static DenseBipolarMemory memory() {
        return new DenseBipolarMemoryFactory().create(new DenseBipolarMemoryConfig(4, 0, 0.1, 1, 1.0, "item"),
                new RectifiedPolynomialInteraction(3), N, new SplittableRandom(1));
    }

    @Test
    void callsHooksInOrderAndFillsTheMatrix() {
        List<String> log = new ArrayList<>();
        TaskSequence tasks = new TaskSequence("fake", N, List.of(new ScriptedTask("a", 0, patterns(2, 1), log),
                new ScriptedTask("b", 1, patterns(3, 2), log)));
        Recorder recorder = new Recorder(log);

        SequenceResult result = new SequentialLearning(TWO_EPOCHS, recorder)
                .run(tasks, memory(), recorder, new SplittableRandom(5));

        List<String> expected = new ArrayList<>(List.of("runStarted fake 2 2 6",
                "evaluate a", "evaluated -1 0 a 0", "evaluate b", "evaluated -1 1 b 10"));
        for (int k = 0; k < 2; k++) {
            expected.add("beforeTask " + k + " seen " + (k == 0 ? "[a]" : "[a, b]"));
            expected.add("taskStarted " + k + " " + (k == 0 ? "a" : "b"));
            for (int epoch = 0; epoch < 2; epoch++) {
                expected.addAll(List.of("epochItems " + k + "." + epoch, "batch", "adjustGradient", "afterUpdate",
                        "epochFinished " + k + "." + epoch));
            }
            expected.addAll(List.of("afterTask " + k, "taskFinished " + k,
                    "evaluate a", "evaluated " + k + " 0 a " + (k + 1),
                    "evaluate b", "evaluated " + k + " 1 b " + (11 + k)));
        }
        expected.add("runFinished 2");
        assertThat(log).containsExactlyElementsOf(expected);

        assertThat(result.matrix().b()).containsExactly(new double[]{0.0, 0.1}, within(1e-12));
        assertThat(result.matrix().r()[0]).containsExactly(new double[]{0.01, 0.11}, within(1e-12));
        assertThat(result.matrix().r()[1]).containsExactly(new double[]{0.02, 0.12}, within(1e-12));
        assertThat(result.scores()).hasSize(3);
        assertThat(result.before().get(1).details()).containsEntry("calls", 1.0);
        assertThat(result.after(1).get(0).details()).containsEntry("calls", 3.0);
        assertThat(result.finalLosses()).hasSize(2).allSatisfy(loss -> assertThat(loss).isPositive());
    }

    @Test
    void aRunIsAPureFunctionOfItsInputs() {
        TaskSequence tasks = new TaskSequence("fake", N, List.of(
                new ScriptedTask("a", 0, patterns(5, 1), new ArrayList<>()),
                new ScriptedTask("b", 1, patterns(5, 2), new ArrayList<>())));
        TrainingConfig minibatches = new TrainingConfig(5, 2, 0.1, 0.9, 0.6, 1.0, 0.5);
        DenseBipolarMemory first = memory();
        DenseBipolarMemory second = memory();
        SequenceResult one = new SequentialLearning(minibatches, new RunListener() {
        }).run(tasks, first, new Strategy() {
        }, new SplittableRandom(9));
        SequenceResult two = new SequentialLearning(minibatches, new RunListener() {
        }).run(tasks, second, new Strategy() {
        }, new SplittableRandom(9));
        assertThat(second.parameters()).containsExactly(first.parameters());
        assertThat(two.finalLosses()).isEqualTo(one.finalLosses());
        assertThat(first.temperature()).isEqualTo(0.5);
    }

    @Test
    void rejectsAMemoryOfTheWrongDimension() {
        TaskSequence tasks = new TaskSequence("fake", N, List.of(new ScriptedTask("a", 0, patterns(1, 1),
                new ArrayList<>())));
        DenseBipolarMemory wrong = new DenseBipolarMemoryFactory().create(DenseBipolarMemoryConfig.DEFAULTS,
                new RectifiedPolynomialInteraction(3), N + 1, new SplittableRandom(1));
        assertThatThrownBy(() -> new SequentialLearning(TWO_EPOCHS, new RunListener() {
        }).run(tasks, wrong, new Strategy() {
        }, new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
