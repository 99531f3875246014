package dev.damsel.runner.run;

import java.util.SplittableRandom;

/**
 * The random streams of one run, split from its master seed in a fixed order: tasks, memory, strategy, training.
 * A run is therefore a pure function of its config and seed, and adding a consumer at the end of the order leaves the
 * earlier streams unchanged.
 */
public final class SeedStreams {
    private final SplittableRandom tasks;
    private final SplittableRandom memory;
    private final SplittableRandom strategy;
    private final SplittableRandom training;

    public SeedStreams(long seed) {
        SplittableRandom master = new SplittableRandom(seed);
        this.tasks = master.split();
        this.memory = master.split();
        this.strategy = master.split();
        this.training = master.split();
    }

    public SplittableRandom tasks() {
        return tasks;
    }

    public SplittableRandom memory() {
        return memory;
    }

    public SplittableRandom strategy() {
        return strategy;
    }

    public SplittableRandom training() {
        return training;
    }
}
