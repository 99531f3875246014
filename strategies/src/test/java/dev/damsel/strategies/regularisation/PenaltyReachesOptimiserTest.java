package dev.damsel.strategies.regularisation;

import dev.damsel.api.RunListener;
import dev.damsel.api.Task;
import dev.damsel.api.TaskContext;
import dev.damsel.api.UnitMask;
import dev.damsel.core.memory.DenseBipolarMemory;
import dev.damsel.core.training.Trainer;
import dev.damsel.core.training.TrainingConfig;
import dev.damsel.strategies.Fakes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A penalty acts on the gradient before the optimiser normalises each memory's step: one step of the trainer moves θ by
 * {@code −lr (g + ∇P) / max|g + ∇P|} per memory, not by the normalised loss gradient plus a separately scaled penalty.
 */
class PenaltyReachesOptimiserTest {
    private static final int K = 3;
    private static final int N = 8;

    @Test
    void theOptimiserNormalisesTheLossGradientPlusThePenaltyGradient() {
        SplittableRandom random = new SplittableRandom(21);
        DenseBipolarMemory memory = Fakes.memory(K, N, 5);
        Task first = Fakes.task("a", Fakes.states(4, N, random));
        Task second = Fakes.task("b", Fakes.states(4, N, random));
        L2Strategy strategy = new L2Strategy(new L2Config(40));
        strategy.afterTask(new TaskContext(0, first, List.of(first), memory));
        float[] anchor = memory.parameters();
        float[] moved = anchor.clone();
        for (int j = 0; j < moved.length; j++) {
            moved[j] = (float) Math.max(-1, Math.min(1, moved[j] + random.nextDouble(-0.2, 0.2)));
        }
        memory.setParameters(moved);

        double lr = 0.01;
        memory.setTemperature(0.5);
        float[] g = new float[K * N];
        memory.lossGradient(second.trainingItems(), UnitMask.all(N), g);
        float[] total = g.clone();
        QuadraticPenalty.uniform(40, anchor).addGradient(moved, total);
        float[] expected = normalisedStep(moved, total, lr);
        float[] withoutPenalty = normalisedStep(moved, g, lr);

        TrainingConfig one = new TrainingConfig(1, 0, lr, 1.0, 0.0, 0.5, 0.5);
        new Trainer(one, new RunListener() {
        }, new SplittableRandom(1)).train(new TaskContext(1, second, List.of(first, second), memory), strategy);

        float[] actual = memory.parameters();
        double difference = 0;
        for (int j = 0; j < actual.length; j++) {
            assertThat((double) actual[j]).as("parameter %d", j).isCloseTo(expected[j], within(1e-6));
            difference = Math.max(difference, Math.abs(expected[j] - withoutPenalty[j]));
        }
        assertThat(difference).as("the penalty changed the step").isGreaterThan(1e-4);
    }

    private static float[] normalisedStep(float[] theta, float[] gradient, double lr) {
        float[] out = theta.clone();
        for (int mu = 0; mu < K; mu++) {
            double largest = 0;
            for (int j = 0; j < N; j++) {
                largest = Math.max(largest, Math.abs(gradient[mu * N + j]));
            }
            for (int j = 0; j < N; j++) {
                int q = mu * N + j;
                out[q] = (float) Math.max(-1, Math.min(1, theta[q] - lr / largest * gradient[q]));
            }
        }
        return out;
    }
}
