package dev.damsel.strategies.replay;

import dev.damsel.api.StateBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A bounded store of real items from earlier tasks, filled by a {@link SelectionPolicy}. Each item remembers the task
 * it came from. Its randomness is its own stream.
 */
public final class ReplayBuffer {
    private final int capacity;
    private final SelectionPolicy policy;
    private final SplittableRandom random;
    private final List<float[]> rows = new ArrayList<>();
    private final List<Integer> tasks = new ArrayList<>();
    private long seen;
    private int dimension;

    public ReplayBuffer(int capacity, SelectionPolicy policy, SplittableRandom random) {
        if (capacity < 0) {
            throw new IllegalArgumentException("a buffer's capacity must be >= 0, got " + capacity);
        }
        this.capacity = capacity;
        this.policy = policy;
        this.random = random;
    }

    /** Offers every item of task {@code task} (in order) to the buffer. */
    public void observe(int task, StateBatch items) {
        dimension = items.dimension();
        if (policy == SelectionPolicy.RESERVOIR) {
            for (int b = 0; b < items.size(); b++) {
                seen++;
                if (rows.size() < capacity) {
                    rows.add(items.row(b));
                    tasks.add(task);
                } else {
                    long slot = random.nextLong(seen);
                    if (slot < capacity) {
                        rows.set((int) slot, items.row(b));
                        tasks.set((int) slot, task);
                    }
                }
            }
        } else {
            balance(task, items);
        }
    }

    /** Shrinks every earlier task's share to ⌊capacity/tasks⌋ (its items were stored in random order) and adds the new one's. */
    private void balance(int task, StateBatch items) {
        List<Integer> distinct = new ArrayList<>(tasks.stream().distinct().toList());
        distinct.add(task);
        int quota = capacity / distinct.size();
        List<float[]> keptRows = new ArrayList<>();
        List<Integer> keptTasks = new ArrayList<>();
        for (int t : distinct) {
            if (t == task) {
                continue;
            }
            int kept = 0;
            for (int i = 0; i < rows.size() && kept < quota; i++) {
                if (tasks.get(i) == t) {
                    keptRows.add(rows.get(i));
                    keptTasks.add(t);
                    kept++;
                }
            }
        }
        for (int index : dev.damsel.strategies.Items.sample(items.size(), quota, random)) {
            keptRows.add(items.row(index));
            keptTasks.add(task);
        }
        rows.clear();
        rows.addAll(keptRows);
        tasks.clear();
        tasks.addAll(keptTasks);
        seen += items.size();
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The task each stored item came from, in buffer order. */
    public int[] taskOfItems() {
        return tasks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The stored items, in buffer order. */
    public StateBatch items() {
        if (rows.isEmpty()) {
            return StateBatch.empty(Math.max(1, dimension));
        }
        return StateBatch.of(dimension, rows.toArray(float[][]::new));
    }

    /** {@code count} stored items drawn without replacement (all of them if count ≥ size). */
    public StateBatch sample(int count, SplittableRandom sampler) {
        int[] picked = dev.damsel.strategies.Items.sample(rows.size(), count, sampler);
        float[][] out = new float[picked.length][];
        for (int i = 0; i < picked.length; i++) {
            out[i] = rows.get(picked[i]);
        }
        return StateBatch.of(dimension, out);
    }
}
