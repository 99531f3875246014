package dev.damsel.core.memory;

import dev.damsel.core.random.Permutations;
import dev.damsel.api.InteractionFunction;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;
import dev.damsel.core.interaction.ExponentialInteraction;
import dev.damsel.core.interaction.LeakyRectifiedPolynomialInteraction;
import dev.damsel.core.interaction.PolynomialInteraction;
import dev.damsel.core.interaction.RectifiedPolynomialInteraction;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random memories, states and masks for the memory tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** One of every interaction kind, polynomials of an odd and an even degree. */
    static List<InteractionFunction> everyInteraction() {
        return List.of(new PolynomialInteraction(1), new PolynomialInteraction(2), new PolynomialInteraction(3),
                new RectifiedPolynomialInteraction(2), new RectifiedPolynomialInteraction(3),
                new LeakyRectifiedPolynomialInteraction(3), new ExponentialInteraction());
    }

    static DenseBipolarMemory randomMemory(int k, int n, InteractionFunction f, double temperature, int errorPower,
                                           SplittableRandom random) {
        float[] xi = new float[k * n];
        for (int p = 0; p < xi.length; p++) {
            xi[p] = (float) (2 * random.nextDouble() - 1);
        }
        return new DenseBipolarMemory(k, n, xi, f, temperature, errorPower);
    }

    static StateBatch randomStates(int size, int n, SplittableRandom random) {
        float[] x = new float[size * n];
        for (int p = 0; p < x.length; p++) {
            x[p] = random.nextBoolean() ? 1f : -1f;
        }
        return new StateBatch(size, n, x);
    }

    /** The copy of {@code states} with a fraction of the units of each row flipped (exactly round(fraction·N) each). */
    static StateBatch flip(StateBatch states, double fraction, SplittableRandom random) {
        int n = states.dimension();
        float[] x = states.copyValues();
        int flips = (int) Math.round(fraction * n);
        for (int b = 0; b < states.size(); b++) {
            int[] order = permutation(n, random);
            for (int f = 0; f < flips; f++) {
                x[b * n + order[f]] = -x[b * n + order[f]];
            }
        }
        return new StateBatch(states.size(), n, x);
    }

    /** All units, and for N &gt; 1 a random proper subset. */
    static List<UnitMask> masks(int n, SplittableRandom random) {
        List<UnitMask> masks = new ArrayList<>();
        masks.add(UnitMask.all(n));
        if (n > 1) {
            int[] order = permutation(n, random);
            int size = 1 + random.nextInt(n - 1);
            masks.add(UnitMask.of(n, java.util.Arrays.copyOf(order, size)));
        }
        return masks;
    }

    static int[] permutation(int n, SplittableRandom random) {
        return Permutations.shuffled(n, random);
    }
}
