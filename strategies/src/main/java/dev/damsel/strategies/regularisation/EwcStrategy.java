package dev.damsel.strategies.regularisation;

import dev.damsel.api.GradientStep;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskContext;
import dev.damsel.strategies.Items;

import java.util.SplittableRandom;

/**
 * Elastic weight consolidation (Kirkpatrick et al. 2017, Eq. 3): at the end of each task k, the diagonal Fisher F_k
 * of the memory's loss on that task's items ({@link FisherDiagonal}) and the parameters θ*_k are kept; every later
 * step adds the gradient of {@code (λ/2) Σ_k Σ_j F_kj (θ_j − θ*_kj)²}, one term per earlier task. The penalty acts on
 * the gradient before the optimiser normalises each memory's step.
 */
public final class EwcStrategy implements Strategy {
    private final EwcConfig config;
    private final SplittableRandom fisherSample;
    private final Penalties penalties = new Penalties();

    public EwcStrategy(EwcConfig config, SplittableRandom random) {
        this.config = config;
        this.fisherSample = random.split();
    }

    @Override
    public void adjustGradient(GradientStep step) {
        penalties.adjust(step);
    }

    @Override
    public void afterTask(TaskContext context) {
        StateBatch items = fisherItems(context.task().trainingItems(), config.fisherItems(), fisherSample);
        double[] fisher = FisherDiagonal.estimate(context.memory(), items, context.task().trainingMask());
        penalties.add(QuadraticPenalty.scaled(config.lambda() / 2, fisher, context.memory().parameters()));
    }

    /** The penalty terms so far, one per trained task. */
    public Penalties penalties() {
        return penalties;
    }

    /** All items if {@code count} is 0, else a random subset of {@code count}. */
    static StateBatch fisherItems(StateBatch items, int count, SplittableRandom random) {
        return count == 0 ? items : Items.sample(items, count, random);
    }
}
