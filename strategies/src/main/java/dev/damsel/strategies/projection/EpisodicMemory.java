package dev.damsel.strategies.projection;

import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.UnitMask;
import dev.damsel.strategies.Items;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** GEM's episodic memory: a fixed number of each earlier task's items, drawn at random, with the task's loss mask. */
public final class EpisodicMemory {
    /** The stored items of one task. */
    public record Entry(int task, StateBatch items, UnitMask mask) {
    }

    private final int itemsPerTask;
    private final SplittableRandom random;
    private final List<Entry> entries = new ArrayList<>();

    public EpisodicMemory(int itemsPerTask, SplittableRandom random) {
        this.itemsPerTask = itemsPerTask;
        this.random = random;
    }

    /** Stores {@code itemsPerTask} of the task's training items (all if it has fewer). */
    public void store(int index, Task task) {
        entries.add(new Entry(index, Items.sample(task.trainingItems(), itemsPerTask, random), task.trainingMask()));
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
