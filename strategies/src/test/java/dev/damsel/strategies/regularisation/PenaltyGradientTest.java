package dev.damsel.strategies.regularisation;

import dev.damsel.api.GradientStep;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Strategy;
import dev.damsel.api.Task;
import dev.damsel.api.TaskContext;
import dev.damsel.api.UnitMask;
import dev.damsel.core.memory.DenseBipolarMemory;
import dev.damsel.strategies.Fakes;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every regulariser's penalty gradient, as {@code adjustGradient} adds it, against central differences of its penalty
 * value; and the penalty is zero at the anchor and absent during the first task.
 */
class PenaltyGradientTest {
    private static final int K = 3;
    private static final int N = 6;

    @Test
    void quadraticPenaltyGradientMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(3);
        double[] w = random.doubles(12, 0, 2).toArray();
        float[] anchor = new float[12];
        float[] theta = new float[12];
        for (int j = 0; j < 12; j++) {
            anchor[j] = (float) random.nextDouble(-1, 1);
            theta[j] = (float) random.nextDouble(-1, 1);
        }
        QuadraticPenalty penalty = new QuadraticPenalty(w, anchor);
        assertThat(penalty.value(anchor)).isZero();
        checkAgainstDifferences(penalty::value, g -> penalty.addGradient(theta, g), theta);
    }

    @Test
    void everyRegulariserAddsTheGradientOfItsPenalty() {
        List<Function<SplittableRandom, Strategy>> makers = List.of(
                r -> new EwcStrategy(new EwcConfig(3.0, 0), r),
                r -> new OnlineEwcStrategy(new OnlineEwcConfig(3.0, 0.7, 2), r),
                r -> new SiStrategy(new SiConfig(2.0, 0.1)),
                r -> new MasStrategy(new MasConfig(2.0)),
                r -> new L2Strategy(new L2Config(0.5)));
        for (Function<SplittableRandom, Strategy> maker : makers) {
            SplittableRandom random = new SplittableRandom(5);
            DenseBipolarMemory memory = Fakes.memory(K, N, 11);
            Strategy strategy = maker.apply(random.split());
            Task first = Fakes.task("a", Fakes.states(4, N, random));
            Task second = Fakes.task("b", Fakes.states(4, N, random));
            TaskContext c0 = new TaskContext(0, first, List.of(first), memory);
            strategy.beforeTask(c0);
            float[] zero = new float[K * N];
            strategy.adjustGradient(step(c0, zero));
            assertThat(zero).as("no penalty during the first task").containsOnly(0f);
            simulateTraining(strategy, c0, random);
            strategy.afterTask(c0);

            float[] moved = memory.parameters();
            for (int j = 0; j < moved.length; j++) {
                moved[j] = (float) Math.max(-1, Math.min(1, moved[j] + random.nextDouble(-0.3, 0.3)));
            }
            memory.setParameters(moved);
            TaskContext c1 = new TaskContext(1, second, List.of(first, second), memory);
            strategy.beforeTask(c1);
            Penalties penalties = penaltiesOf(strategy);
            assertThat(penalties.isEmpty()).isFalse();
            checkAgainstDifferences(penalties::value, g -> strategy.adjustGradient(step(c1, g)), moved);
        }
    }

    /** A few fake optimiser steps so that SI's path integral is not zero. */
    private static void simulateTraining(Strategy strategy, TaskContext context, SplittableRandom random) {
        DenseBipolarMemory memory = (DenseBipolarMemory) context.memory();
        for (int s = 0; s < 3; s++) {
            float[] g = new float[K * N];
            memory.lossGradient(context.task().trainingItems(), context.task().trainingMask(), g);
            GradientStep step = step(context, g);
            strategy.adjustGradient(step);
            float[] before = memory.parameters();
            float[] after = before.clone();
            for (int j = 0; j < after.length; j++) {
                after[j] = (float) Math.max(-1, Math.min(1, after[j] - 0.05 * Math.signum(g[j])));
            }
            memory.setParameters(after);
            strategy.afterUpdate(step, before);
        }
    }

    private static GradientStep step(TaskContext context, float[] gradient) {
        StateBatch items = context.task().trainingItems();
        return new GradientStep(context, 0, 0, items, UnitMask.all(N), 0.0, gradient);
    }

    private static Penalties penaltiesOf(Strategy strategy) {
        if (strategy instanceof EwcStrategy s) {
            return s.penalties();
        }
        if (strategy instanceof OnlineEwcStrategy s) {
            return s.penalties();
        }
        if (strategy instanceof SiStrategy s) {
            return s.penalties();
        }
        if (strategy instanceof MasStrategy s) {
            return s.penalties();
        }
        return ((L2Strategy) strategy).penalties();
    }

    private static void checkAgainstDifferences(Function<float[], Double> value,
                                                java.util.function.Consumer<float[]> addGradient, float[] theta) {
        float[] analytic = new float[theta.length];
        addGradient.accept(analytic);
        double largest = 0;
        for (int j = 0; j < theta.length; j++) {
            float[] up = theta.clone();
            float[] down = theta.clone();
            up[j] += 1e-2f;
            down[j] -= 1e-2f;
            double numeric = (value.apply(up) - value.apply(down)) / ((double) up[j] - down[j]);
            largest = Math.max(largest, Math.abs(numeric));
            assertThat((double) analytic[j]).as("parameter %d", j).isCloseTo(numeric, within(1e-4 + 1e-4 * Math.abs(numeric)));
        }
        assertThat(largest).as("a zero penalty gradient checks nothing").isGreaterThan(1e-3);
    }
}
