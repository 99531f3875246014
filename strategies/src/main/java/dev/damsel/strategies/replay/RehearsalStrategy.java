package dev.damsel.strategies.replay;

import dev.damsel.api.StateBatch;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskContext;

import java.util.SplittableRandom;

/**
 * Rehearsal with a bounded buffer of real items (Robins 1995's "rehearsal"; experience replay, Chaudhry et al. 2019,
 * "On tiny episodic memories"): after each task its items are offered to a {@link ReplayBuffer}; every batch of a
 * later task gets {@code round(ratio · batch size)} buffered items (at most the whole buffer), drawn afresh without
 * replacement, appended to it.
 */
public final class RehearsalStrategy implements Strategy {
    private final RehearsalConfig config;
    private final ReplayBuffer buffer;
    private final SplittableRandom sampler;

    public RehearsalStrategy(RehearsalConfig config, SplittableRandom random) {
        this.config = config;
        this.buffer = new ReplayBuffer(config.bufferSize(), config.policy(), random.split());
        this.sampler = random.split();
    }

    @Override
    public StateBatch batch(TaskContext context, int epoch, StateBatch batch) {
        if (buffer.isEmpty()) {
            return batch;
        }
        int count = (int) Math.round(config.ratio() * batch.size());
        return count == 0 ? batch : batch.concat(buffer.sample(count, sampler));
    }

    @Override
    public void afterTask(TaskContext context) {
        buffer.observe(context.taskIndex(), context.task().trainingItems());
    }

    public ReplayBuffer buffer() {
        return buffer;
    }
}
