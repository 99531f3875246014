package dev.damsel.strategies.joint;

import dev.damsel.api.RunListener;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskContext;
import dev.damsel.api.TaskSequence;
import dev.damsel.core.memory.DenseBipolarMemory;
import dev.damsel.core.sequence.SequenceResult;
import dev.damsel.core.sequence.SequentialLearning;
import dev.damsel.core.training.TrainingConfig;
import dev.damsel.strategies.Fakes;
import dev.damsel.strategies.naive.NaiveStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class JointStrategyTest {
    private static final int N = 16;
    private static final TrainingConfig TRAINING = new TrainingConfig(20, 3, 0.05, 1.0, 0.5, 0.5, 0.5);

    @Test
    void onOneTaskJointIsNaive() {
        SplittableRandom random = new SplittableRandom(8);
        TaskSequence one = new TaskSequence("one", N, List.of(Fakes.task("t", Fakes.states(7, N, random))));
        SequenceResult naive = new SequentialLearning(TRAINING, new RunListener() {
        }).run(one, Fakes.memory(4, N, 3), new NaiveStrategy(), new SplittableRandom(1));
        DenseBipolarMemory memory = Fakes.memory(4, N, 3);
        SequenceResult joint = new SequentialLearning(TRAINING, new RunListener() {
        }).run(one, memory, new JointStrategy(), new SplittableRandom(1));
        assertThat(joint.matrix()).isEqualTo(naive.matrix());
        assertThat(joint.finalLosses()).isEqualTo(naive.finalLosses());
    }

    @Test
    void trainsOnTheUnionOfTheTasksSeenSoFar() {
        SplittableRandom random = new SplittableRandom(9);
        Task a = Fakes.task("a", Fakes.states(2, N, random));
        Task b = Fakes.task("b", Fakes.states(3, N, random));
        StateBatch items = new JointStrategy().epochItems(new TaskContext(1, b, List.of(a, b), Fakes.memory(2, N, 1)),
                0, b.trainingItems());
        assertThat(items).isEqualTo(a.trainingItems().concat(b.trainingItems()));
    }
}
