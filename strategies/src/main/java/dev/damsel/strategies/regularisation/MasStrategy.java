package dev.damsel.strategies.regularisation;

import dev.damsel.api.GradientStep;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskContext;

/**
 * Memory aware synapses (Aljundi et al. 2018, Eqs. 4 and 2): at the end of each task the importance
 * {@code Ω_j = mean_x |∂‖Y(x)‖²/∂θ_j|} over the task's items ({@link OutputSensitivity}) is added to the running Ω, and
 * the anchor moves to the task's final θ; every step adds the gradient of {@code λ Σ_j Ω_j (θ_j − θ*_j)²}.
 */
public final class MasStrategy implements Strategy {
    private final MasConfig config;
    private final Penalties penalties = new Penalties();
    private double[] importance;

    public MasStrategy(MasConfig config) {
        this.config = config;
    }

    @Override
    public void adjustGradient(GradientStep step) {
        penalties.adjust(step);
    }

    @Override
    public void afterTask(TaskContext context) {
        double[] latest = OutputSensitivity.estimate(context.memory(), context.task().trainingItems(),
                context.task().trainingMask());
        if (importance == null) {
            importance = latest;
        } else {
            for (int j = 0; j < importance.length; j++) {
                importance[j] += latest[j];
            }
        }
        penalties.replaceWith(
                QuadraticPenalty.scaled(config.lambda(), importance, context.memory().parameters()));
    }

    public double[] importance() {
        return importance == null ? null : importance.clone();
    }

    public Penalties penalties() {
        return penalties;
    }
}
