package dev.damsel.strategies.projection;

import dev.damsel.api.GradientStep;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskContext;
import dev.damsel.api.UnitMask;
import dev.damsel.strategies.Items;

import java.util.SplittableRandom;

/**
 * Averaged GEM (Chaudhry et al. 2019): the same episodic memory as GEM, but one reference gradient per step, the loss
 * gradient of {@code sampleSize} items drawn from the memory of all earlier tasks, and the cheap
 * {@link AveragedProjection} in place of GEM's quadratic programme. Acts before the optimiser's normalisation.
 */
public final class AGemStrategy implements Strategy {
    private final AGemConfig config;
    private final EpisodicMemory episodes;
    private final SplittableRandom sampler;
    private StateBatch stored;
    private UnitMask mask;
    private long projections;

    public AGemStrategy(AGemConfig config, SplittableRandom random) {
        this.config = config;
        this.episodes = new EpisodicMemory(config.itemsPerTask(), random.split());
        this.sampler = random.split();
    }

    @Override
    public void adjustGradient(GradientStep step) {
        if (stored == null) {
            return;
        }
        float[] reference = new float[step.gradient().length];
        step.memory().lossGradient(Items.sample(stored, config.sampleSize(), sampler), mask, reference);
        if (AveragedProjection.project(step.gradient(), reference)) {
            projections++;
        }
    }

    @Override
    public void afterTask(TaskContext context) {
        episodes.store(context.taskIndex(), context.task());
        UnitMask taskMask = context.task().trainingMask();
        if (mask != null && !mask.equals(taskMask)) {
            throw new IllegalStateException("a-gem needs one loss mask for every task");
        }
        mask = taskMask;
        StateBatch all = StateBatch.empty(context.task().dimension());
        for (EpisodicMemory.Entry entry : episodes.entries()) {
            all = all.concat(entry.items());
        }
        stored = all;
    }

    public long projections() {
        return projections;
    }
}
