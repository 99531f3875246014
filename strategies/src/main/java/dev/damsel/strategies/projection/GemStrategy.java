package dev.damsel.strategies.projection;

import dev.damsel.api.GradientStep;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskContext;
import dev.damsel.api.TrainableMemory;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Gradient episodic memory (Lopez-Paz &amp; Ranzato 2017): an {@link EpisodicMemory} of each earlier task; at every
 * step the loss gradient g_k of each earlier task's stored items is computed and the batch gradient is replaced by its
 * {@link ConeProjection}, which does not increase any of those losses to first order. The projection acts on the raw
 * gradient, before the optimiser's momentum and per-memory normalisation.
 */
public final class GemStrategy implements Strategy {
    private final GemConfig config;
    private final EpisodicMemory episodes;
    private long projections;

    public GemStrategy(GemConfig config, SplittableRandom random) {
        this.config = config;
        this.episodes = new EpisodicMemory(config.itemsPerTask(), random.split());
    }

    @Override
    public void adjustGradient(GradientStep step) {
        if (episodes.isEmpty()) {
            return;
        }
        TrainableMemory memory = step.memory();
        List<EpisodicMemory.Entry> entries = episodes.entries();
        float[] scratch = new float[step.gradient().length];
        double[][] constraints = new double[entries.size()][];
        for (int k = 0; k < entries.size(); k++) {
            EpisodicMemory.Entry entry = entries.get(k);
            memory.lossGradient(entry.items(), entry.mask(), scratch);
            constraints[k] = toDouble(scratch);
        }
        double[] g = toDouble(step.gradient());
        double[] projected = ConeProjection.project(g, constraints, config.margin());
        float[] gradient = step.gradient();
        boolean changed = false;
        for (int j = 0; j < gradient.length; j++) {
            changed |= projected[j] != g[j];
            gradient[j] = (float) projected[j];
        }
        if (changed) {
            projections++;
        }
    }

    @Override
    public void afterTask(TaskContext context) {
        episodes.store(context.taskIndex(), context.task());
    }

    /** How many steps were projected so far. */
    public long projections() {
        return projections;
    }

    public EpisodicMemory episodes() {
        return episodes;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int j = 0; j < values.length; j++) {
            out[j] = values[j];
        }
        return out;
    }
}
