package dev.damsel.strategies.regularisation;

import dev.damsel.api.GradientStep;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskContext;

/**
 * Plain L2 regularisation towards the previous task's solution, the importance-free baseline of the EWC, SI and MAS
 * papers: every step of task k &gt; 0 adds the gradient of {@code λ Σ_j (θ_j − θ*_j)²}, θ* the parameters at the end of
 * task k − 1.
 */
public final class L2Strategy implements Strategy {
    private final L2Config config;
    private final Penalties penalties = new Penalties();

    public L2Strategy(L2Config config) {
        this.config = config;
    }

    @Override
    public void adjustGradient(GradientStep step) {
        penalties.adjust(step);
    }

    @Override
    public void afterTask(TaskContext context) {
        penalties.replaceWith(QuadraticPenalty.uniform(config.lambda(), context.memory().parameters()));
    }

    public Penalties penalties() {
        return penalties;
    }
}
