package dev.damsel.strategies.regularisation;

import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskContext;
import dev.damsel.api.UnitMask;
import dev.damsel.strategies.Fakes;
import dev.damsel.strategies.LinearFakeMemory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Fisher, SI's Ω and MAS's Ω on small cases computed by hand. */
class ImportanceTest {
    private static final StateBatch ITEMS = StateBatch.of(2, new float[]{1, -1}, new float[]{1, 1});
    private static final UnitMask MASK = UnitMask.all(2);

    @Test
    void fisherAveragesSquaredPerItemGradients() {
        // per-item gradients x + θ with θ = (0.5, 0.5): (1.5, -0.5) and (1.5, 1.5); the batch gradient (3, 1) would give (9, 1)
        double[] fisher = FisherDiagonal.estimate(new LinearFakeMemory(0.5f, 0.5f), ITEMS, MASK);
        assertThat(fisher).containsExactly(new double[]{2.25, 1.25}, within(1e-12));
    }

    @Test
    void onlineEwcDecaysTheRunningFisher() {
        LinearFakeMemory memory = new LinearFakeMemory(0.5f, 0.5f);
        OnlineEwcStrategy strategy = new OnlineEwcStrategy(new OnlineEwcConfig(1, 0.5, 0), new SplittableRandom(1));
        Task a = Fakes.task("a", ITEMS);
        strategy.afterTask(new TaskContext(0, a, List.of(a), memory));
        memory.setParameters(new float[]{0f, 0f});
        Task b = Fakes.task("b", ITEMS);
        strategy.afterTask(new TaskContext(1, b, List.of(a, b), memory));
        // F_b at θ = 0: per-item (1, -1), (1, 1) → (1, 1); running 0.5 * (2.25, 1.25) + (1, 1)
        assertThat(strategy.fisher()).containsExactly(new double[]{2.125, 1.625}, within(1e-12));
        assertThat(strategy.penalties().terms()).hasSize(1);
        assertThat(strategy.penalties().terms().get(0).anchor()).containsExactly(0f, 0f);
    }

    @Test
    void ewcKeepsOneTermPerTask() {
        LinearFakeMemory memory = new LinearFakeMemory(0.5f, 0.5f);
        EwcStrategy strategy = new EwcStrategy(new EwcConfig(4, 0), new SplittableRandom(1));
        Task a = Fakes.task("a", ITEMS);
        strategy.afterTask(new TaskContext(0, a, List.of(a), memory));
        strategy.afterTask(new TaskContext(1, a, List.of(a, a), memory));
        assertThat(strategy.penalties().terms()).hasSize(2);
        // weights λ/2 · F
        assertThat(strategy.penalties().terms().get(0).weights()).containsExactly(new double[]{4.5, 2.5}, within(1e-12));
    }

    @Test
    void masAveragesAbsolutePerItemOutputGradients() {
        // per-item gradients x − θ with θ = (0.5, 0): (0.5, -1) and (-1.5, -1); mean of |.| = (1, 1), |mean| would be (0.5, 1)
        StateBatch items = StateBatch.of(2, new float[]{1, -1}, new float[]{-1, -1});
        double[] omega = OutputSensitivity.estimate(new LinearFakeMemory(0.5f, 0f), items, MASK);
        assertThat(omega).containsExactly(new double[]{1.0, 1.0}, within(1e-12));
    }

    @Test
    void siPathIntegralByHand() {
        PathIntegral path = new PathIntegral();
        path.begin(new float[]{0f, 0f});
        path.record(new float[]{1f, -2f}, new float[]{0f, 0f}, new float[]{-0.1f, 0.2f});
        path.record(new float[]{0.5f, 0f}, new float[]{-0.1f, 0.2f}, new float[]{-0.3f, 0.2f});
        assertThat(path.omega()).containsExactly(new double[]{0.2, 0.4}, within(1e-6));
        double[] importance = path.finish(new float[]{-0.3f, 0.2f}, 0.1);
        assertThat(importance).containsExactly(new double[]{0.2 / 0.19, 0.4 / 0.14}, within(1e-5));
    }

    @Test
    void siIntegratesTheGradientBeforeItsOwnPenalty() {
        LinearFakeMemory memory = new LinearFakeMemory(0f, 0f);
        SiStrategy strategy = new SiStrategy(new SiConfig(100, 0.1));
        Task a = Fakes.task("a", ITEMS);
        TaskContext c0 = new TaskContext(0, a, List.of(a), memory);
        strategy.beforeTask(c0);
        step(strategy, c0, memory, new float[]{-0.1f, 0.2f});
        strategy.afterTask(c0);
        double[] first = strategy.importance();

        TaskContext c1 = new TaskContext(1, a, List.of(a, a), memory);
        strategy.beforeTask(c1);
        float[] before = memory.parameters();
        step(strategy, c1, memory, new float[]{-0.1f, 0.1f});
        strategy.afterTask(c1);
        // the loss gradient at `before` is x1 + x2 + 2θ = (2 + 2θ_0, 2θ_1); Δθ = (-0.1, 0.1) over the task
        double g0 = 2 + 2 * before[0];
        double g1 = 2 * before[1];
        double[] expected = {first[0] + (-g0 * -0.1) / (0.01 + 0.1), first[1] + (-g1 * 0.1) / (0.01 + 0.1)};
        assertThat(strategy.importance()).containsExactly(expected, within(1e-5));
    }

    private static void step(SiStrategy strategy, TaskContext context, LinearFakeMemory memory, float[] move) {
        float[] g = new float[2];
        memory.lossGradient(context.task().trainingItems(), MASK, g);
        var step = new dev.damsel.api.GradientStep(context, 0, 0, context.task().trainingItems(), MASK, 0, g);
        strategy.adjustGradient(step);
        float[] before = memory.parameters();
        float[] after = {before[0] + move[0], before[1] + move[1]};
        memory.setParameters(after);
        strategy.afterUpdate(step, before);
    }
}
