package dev.damsel.strategies.regularisation;

import dev.damsel.api.GradientStep;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskContext;

/**
 * Synaptic intelligence (Zenke, Poole &amp; Ganguli 2017, Eqs. 3–5). A {@link PathIntegral} accumulates
 * {@code ω_j += −g_j Δθ_j} over the optimiser's steps, g the loss gradient before the penalty is added; at a task's end
 * {@code Ω_j += ω_j / (Δθ_j² + ε)} with Δθ the change over the task, and the anchor moves to the task's final θ. Every
 * step adds the gradient of {@code c Σ_j Ω_j (θ_j − θ*_j)²}.
 */
public final class SiStrategy implements Strategy {
    private final SiConfig config;
    private final PathIntegral path = new PathIntegral();
    private final Penalties penalties = new Penalties();
    private double[] importance;
    private float[] unpenalised;

    public SiStrategy(SiConfig config) {
        this.config = config;
    }

    @Override
    public void beforeTask(TaskContext context) {
        path.begin(context.memory().parameters());
    }

    @Override
    public void adjustGradient(GradientStep step) {
        float[] gradient = step.gradient();
        if (unpenalised == null || unpenalised.length != gradient.length) {
            unpenalised = new float[gradient.length];
        }
        System.arraycopy(gradient, 0, unpenalised, 0, gradient.length);
        if (!penalties.isEmpty()) {
            penalties.addGradient(step.memory().parameters(), gradient);
        }
    }

    @Override
    public boolean needsParametersBefore() {
        return true;
    }

    @Override
    public void afterUpdate(GradientStep step, float[] parametersBefore) {
        path.record(unpenalised, parametersBefore, step.memory().parameters());
    }

    @Override
    public void afterTask(TaskContext context) {
        float[] theta = context.memory().parameters();
        double[] latest = path.finish(theta, config.epsilon());
        if (importance == null) {
            importance = latest;
        } else {
            for (int j = 0; j < importance.length; j++) {
                importance[j] += latest[j];
            }
        }
        penalties.replaceWith(QuadraticPenalty.scaled(config.c(), importance, theta));
    }

    /** Ω, the importance summed over the finished tasks (a copy), or null before the first task ends. */
    public double[] importance() {
        return importance == null ? null : importance.clone();
    }

    public Penalties penalties() {
        return penalties;
    }
}
