package dev.damsel.strategies.replay;

import dev.damsel.api.StateBatch;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What each selection policy keeps, over many seeds. */
class ReplayBufferTest {
    private static final int N = 8;

    /** Item i of the stream is the 8-bit code of i, so it can be told from every other. */
    private static StateBatch items(int from, int count) {
        float[] x = new float[count * N];
        for (int b = 0; b < count; b++) {
            for (int j = 0; j < N; j++) {
                x[b * N + j] = ((from + b) >> j & 1) == 1 ? 1f : -1f;
            }
        }
        return new StateBatch(count, N, x);
    }

    private static int code(StateBatch items, int row) {
        int code = 0;
        for (int j = 0; j < N; j++) {
            code |= items.get(row, j) > 0 ? 1 << j : 0;
        }
        return code;
    }

    @Test
    void reservoirKeepsEveryItemWithProbabilitySizeOverSeen() {
        int seeds = 3000;
        int capacity = 20;
        int[] kept = new int[100];
        for (int seed = 0; seed < seeds; seed++) {
            ReplayBuffer buffer = new ReplayBuffer(capacity, SelectionPolicy.RESERVOIR, new SplittableRandom(seed));
            buffer.observe(0, items(0, 40));
            buffer.observe(1, items(40, 60));
            StateBatch stored = buffer.items();
            assertThat(stored.size()).isEqualTo(capacity);
            int[] tasks = buffer.taskOfItems();
            for (int b = 0; b < stored.size(); b++) {
                int c = code(stored, b);
                kept[c]++;
                assertThat(tasks[b]).isEqualTo(c < 40 ? 0 : 1);
            }
        }
        for (int i = 0; i < 100; i++) {
            // binomial standard deviation sqrt(0.2 · 0.8 / 3000) ≈ 0.0073
            assertThat((double) kept[i] / seeds).as("item %d", i).isCloseTo(0.2, within(0.035));
        }
    }

    @Test
    void reservoirHoldsEverythingUntilFull() {
        ReplayBuffer buffer = new ReplayBuffer(50, SelectionPolicy.RESERVOIR, new SplittableRandom(1));
        buffer.observe(0, items(0, 30));
        assertThat(buffer.items()).isEqualTo(items(0, 30));
    }

    @Test
    void balancedKeepsEqualCountsPerTask() {
        for (int seed = 0; seed < 50; seed++) {
            ReplayBuffer buffer = new ReplayBuffer(18, SelectionPolicy.PER_TASK_BALANCED, new SplittableRandom(seed));
            buffer.observe(0, items(0, 30));
            assertThat(counts(buffer, 3)).containsExactly(18, 0, 0);
            buffer.observe(1, items(30, 30));
            assertThat(counts(buffer, 3)).containsExactly(9, 9, 0);
            buffer.observe(2, items(60, 30));
            assertThat(counts(buffer, 3)).containsExactly(6, 6, 6);
            StateBatch stored = buffer.items();
            int[] tasks = buffer.taskOfItems();
            java.util.Set<Integer> codes = new java.util.HashSet<>();
            for (int b = 0; b < stored.size(); b++) {
                int c = code(stored, b);
                assertThat(c / 30).isEqualTo(tasks[b]);
                assertThat(codes.add(c)).as("distinct items").isTrue();
            }
        }
    }

    @Test
    void balancedDrawsEachTasksShareUniformly() {
        int[] kept = new int[30];
        int seeds = 2000;
        for (int seed = 0; seed < seeds; seed++) {
            ReplayBuffer buffer = new ReplayBuffer(12, SelectionPolicy.PER_TASK_BALANCED, new SplittableRandom(seed));
            buffer.observe(0, items(0, 30));
            buffer.observe(1, items(30, 30));
            StateBatch stored = buffer.items();
            for (int b = 0; b < stored.size(); b++) {
                int c = code(stored, b);
                if (c < 30) {
                    kept[c]++;
                }
            }
        }
        for (int i = 0; i < 30; i++) {
            assertThat((double) kept[i] / seeds).as("item %d", i).isCloseTo(6.0 / 30, within(0.04));
        }
    }

    private static int[] counts(ReplayBuffer buffer, int tasks) {
        int[] counts = new int[tasks];
        for (int t : buffer.taskOfItems()) {
            counts[t]++;
        }
        return counts;
    }
}
