package dev.damsel.strategies;

import dev.damsel.api.AssociativeMemory;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskScore;
import dev.damsel.api.UnitMask;
import dev.damsel.core.interaction.RectifiedPolynomialInteraction;
import dev.damsel.core.memory.DenseBipolarMemory;

import java.util.SplittableRandom;

/** Small memories, items and tasks for the strategy tests. */
public final class Fakes {
    private Fakes() {
    }

    public static DenseBipolarMemory memory(int k, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] xi = new float[k * n];
        for (int p = 0; p < xi.length; p++) {
            xi[p] = (float) (2 * random.nextDouble() - 1);
        }
        return new DenseBipolarMemory(k, n, xi, new RectifiedPolynomialInteraction(3), 0.5, 1);
    }

    public static StateBatch states(int size, int n, SplittableRandom random) {
        float[] x = new float[size * n];
        for (int p = 0; p < x.length; p++) {
            x[p] = random.nextBoolean() ? 1f : -1f;
        }
        return new StateBatch(size, n, x);
    }

    /** A task that trains on the given items over all units and scores the fraction of items that are fixed points. */
    public static Task task(String id, StateBatch items) {
        return task(id, items, UnitMask.all(items.dimension()));
    }

    public static Task task(String id, StateBatch items, UnitMask mask) {
        return new Task() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public StateBatch trainingItems() {
                return items;
            }

            @Override
            public UnitMask trainingMask() {
                return mask;
            }

            @Override
            public TaskScore evaluate(AssociativeMemory memory) {
                StateBatch relaxed = memory.relax(items, mask, dev.damsel.api.RelaxOptions.DEFAULT.singleStep());
                int fixed = 0;
                for (int b = 0; b < items.size(); b++) {
                    fixed += java.util.Arrays.equals(relaxed.row(b), items.row(b)) ? 1 : 0;
                }
                return TaskScore.of((double) fixed / items.size());
            }
        };
    }
}
