package dev.damsel.core.training;

import dev.damsel.api.ConfigException;
import dev.damsel.api.Require;

/**
 * How each task is trained (config section {@code training:}).
 *
 * @param epochs            passes over the task's items, ≥ 1; default 100
 * @param batchSize         items per step, ≥ 0; 0 means the whole epoch in one step (full batch, the default)
 * @param learningRate      the largest change of any entry of a memory in one step at the first epoch, &gt; 0;
 *                          default 0.1
 * @param learningRateDecay factor applied to the learning rate after each epoch, in (0, 1]; default 1 (constant)
 * @param momentum          p in {@code G ← p·G + ∂L/∂θ}, in [0, 1); default 0.6
 * @param temperatureStart  T of the first epoch, &gt; 0; default 1
 * @param temperatureEnd    T of the last epoch (linear in between) and after training, &gt; 0; default 1
 */
public record TrainingConfig(int epochs, int batchSize, double learningRate, double learningRateDecay,
                             double momentum, double temperatureStart, double temperatureEnd) {
    public static final TrainingConfig DEFAULTS = new TrainingConfig(100, 0, 0.1, 1.0, 0.6, 1.0, 1.0);

    public TrainingConfig {
        Require.atLeast("epochs", epochs, 1);
        Require.atLeast("batchSize", batchSize, 0);
        Require.positive("learningRate", learningRate);
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
            throw new ConfigException("learningRateDecay", "must be in (0, 1] (got " + learningRateDecay + ")");
        }
        Require.halfOpen("momentum", momentum, 0.0, 1.0);
        Require.positive("temperatureStart", temperatureStart);
        Require.positive("temperatureEnd", temperatureEnd);
    }

    /** The temperature of epoch {@code epoch} of {@link #epochs()}: linear from start (epoch 0) to end (last epoch). */
    public double temperatureAt(int epoch) {
        if (epochs == 1) {
            return temperatureStart;
        }
        double t = (double) epoch / (epochs - 1);
        return epoch == epochs - 1 ? temperatureEnd : temperatureStart + (temperatureEnd - temperatureStart) * t;
    }
}
