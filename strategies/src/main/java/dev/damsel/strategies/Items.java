package dev.damsel.strategies;

import dev.damsel.api.StateBatch;

import java.util.SplittableRandom;

/** Small operations on item batches that several strategies share. */
public final class Items {
    private Items() {
    }

    /**
     * {@code count} distinct row indices of {@code size}, drawn uniformly without replacement (a partial
     * Fisher–Yates shuffle), in the order drawn; all rows, shuffled, if {@code count >= size}.
     */
    public static int[] sample(int size, int count, SplittableRandom random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int take = Math.min(size, Math.max(0, count));
        for (int i = 0; i < take; i++) {
            int j = i + random.nextInt(size - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return java.util.Arrays.copyOf(order, take);
    }

    /** {@code count} rows of {@code items} drawn without replacement; all of them (shuffled) if count ≥ size. */
    public static StateBatch sample(StateBatch items, int count, SplittableRandom random) {
        return items.select(sample(items.size(), count, random));
    }

    /** Σ a_j b_j in double. */
    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (double) a[j] * b[j];
        }
        return sum;
    }
}
