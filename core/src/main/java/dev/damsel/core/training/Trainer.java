package dev.damsel.core.training;

import dev.damsel.core.random.Permutations;
import dev.damsel.api.GradientStep;
import dev.damsel.api.RunEvents;
import dev.damsel.api.RunListener;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskContext;
import dev.damsel.api.TrainableMemory;
import dev.damsel.api.UnitMask;

import java.util.SplittableRandom;

/**
 * Trains a memory on one task by minibatch gradient descent on its loss (Krotov &amp; Hopfield 2016, appendix A;
 * McAlister et al. 2024), with the {@link NormalisedMomentum} optimiser, a learning rate decayed per epoch and a
 * temperature moved linearly from {@link TrainingConfig#temperatureStart()} to {@link TrainingConfig#temperatureEnd()}.
 *
 * <p>The {@link Strategy} hooks run in this order. Per epoch: set the temperature, {@code epochItems}, shuffle the
 * items with this trainer's random stream, split them into batches. Per batch: {@code batch}, the loss gradient,
 * {@code adjustGradient}, a copy of θ if {@code needsParametersBefore}, the optimiser step, {@code afterUpdate}.
 * After the last epoch the memory keeps {@code temperatureEnd}. Momentum and learning rate restart with each task.
 *
 * <p>Not thread-safe: it reuses its gradient buffers across steps and consumes its random stream in order.
 */
public final class Trainer {
    private final TrainingConfig config;
    private final RunListener listener;
    private final SplittableRandom random;
    private float[] gradient;
    private NormalisedMomentum optimiser;

    /**
     * @param random the trainer's own stream (split from the run's seed); consumed by the shuffles, in order
     */
    public Trainer(TrainingConfig config, RunListener listener, SplittableRandom random) {
        this.config = java.util.Objects.requireNonNull(config, "config");
        this.listener = java.util.Objects.requireNonNull(listener, "listener");
        this.random = java.util.Objects.requireNonNull(random, "random");
    }

    public TrainingConfig config() {
        return config;
    }

    /**
     * Trains {@code context.memory()} on {@code context.task()}.
     *
     * @return the mean loss per item of the last epoch (0 if it had no items)
     */
    public double train(TaskContext context, Strategy strategy) {
        TrainableMemory memory = context.memory();
        UnitMask mask = context.task().trainingMask();
        prepare(memory);
        double learningRate = config.learningRate();
        double lastLoss = 0;
        int step = 0;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            double temperature = config.temperatureAt(epoch);
            memory.setTemperature(temperature);
            StateBatch items = strategy.epochItems(context, epoch, context.task().trainingItems());
            StateBatch shuffled = items.select(Permutations.shuffled(items.size(), random));
            int batchSize = config.batchSize() == 0 ? Math.max(1, shuffled.size()) : config.batchSize();
            double epochLoss = 0;
            long epochItems = 0;
            for (int from = 0; from < shuffled.size(); from += batchSize) {
                int to = Math.min(shuffled.size(), from + batchSize);
                StateBatch drawn = from == 0 && to == shuffled.size() ? shuffled : shuffled.slice(from, to);
                StateBatch batch = strategy.batch(context, epoch, drawn);
                double loss = memory.lossGradient(batch, mask, gradient);
                GradientStep gradientStep = new GradientStep(context, epoch, step, batch, mask, loss, gradient);
                strategy.adjustGradient(gradientStep);
                float[] before = strategy.needsParametersBefore() ? memory.parameters() : null;
                optimiser.step(memory, gradient, learningRate);
                strategy.afterUpdate(gradientStep, before);
                epochLoss += loss;
                epochItems += batch.size();
                step++;
            }
            lastLoss = epochItems == 0 ? 0.0 : epochLoss / epochItems;
            listener.epochFinished(new RunEvents.EpochFinished(context.taskIndex(), epoch, config.epochs(), lastLoss,
                    learningRate, temperature));
            learningRate *= config.learningRateDecay();
        }
        memory.setTemperature(config.temperatureEnd());
        return lastLoss;
    }

    /** Sizes the reused buffers for this memory and clears the momentum. */
    private void prepare(TrainableMemory memory) {
        int size = memory.layout().size();
        if (gradient == null || gradient.length != size) {
            gradient = new float[size];
        }
        if (optimiser == null || !optimiser.layout().equals(memory.layout())) {
            optimiser = new NormalisedMomentum(memory.layout(), config.momentum());
        } else {
            optimiser.reset();
        }
    }
}
