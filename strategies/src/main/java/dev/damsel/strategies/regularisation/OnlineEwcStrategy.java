package dev.damsel.strategies.regularisation;

import dev.damsel.api.GradientStep;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskContext;

import java.util.SplittableRandom;

/**
 * Online EWC (Schwarz et al. 2018, "Progress &amp; Compress", section 3.1): a single running Fisher
 * {@code F ← γF + F_k} updated at the end of each task k, and a single anchor, the parameters at the end of the
 * latest task; every step adds the gradient of {@code (λ/2) Σ_j F_j (θ_j − θ*_j)²}. Memory and cost stay constant in
 * the number of tasks, unlike {@link EwcStrategy}.
 */
public final class OnlineEwcStrategy implements Strategy {
    private final OnlineEwcConfig config;
    private final SplittableRandom fisherSample;
    private final Penalties penalties = new Penalties();
    private double[] fisher;

    public OnlineEwcStrategy(OnlineEwcConfig config, SplittableRandom random) {
        this.config = config;
        this.fisherSample = random.split();
    }

    @Override
    public void adjustGradient(GradientStep step) {
        penalties.adjust(step);
    }

    @Override
    public void afterTask(TaskContext context) {
        StateBatch items = EwcStrategy.fisherItems(context.task().trainingItems(), config.fisherItems(), fisherSample);
        double[] latest = FisherDiagonal.estimate(context.memory(), items, context.task().trainingMask());
        if (fisher == null) {
            fisher = latest;
        } else {
            for (int j = 0; j < fisher.length; j++) {
                fisher[j] = config.gamma() * fisher[j] + latest[j];
            }
        }
        penalties.replaceWith(
                QuadraticPenalty.scaled(config.lambda() / 2, fisher, context.memory().parameters()));
    }

    /** The running Fisher (a copy), or null before the first task ends. */
    public double[] fisher() {
        return fisher == null ? null : fisher.clone();
    }

    public Penalties penalties() {
        return penalties;
    }
}
