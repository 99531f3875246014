package dev.damsel.tasks.retrieval;

import java.util.BitSet;
import java.util.SplittableRandom;

/** Random ±1 states, shared by the pattern suites. */
public final class BipolarPatterns {
    private BipolarPatterns() {
    }

    /** Fills {@code state} with independent fair ±1 units, 64 per {@code nextLong()}. */
    public static void fill(float[] state, SplittableRandom random) {
        long bits = 0;
        for (int i = 0; i < state.length; i++) {
            if ((i & 63) == 0) {
                bits = random.nextLong();
            }
            state[i] = (bits & 1L) != 0 ? 1f : -1f;
            bits >>>= 1;
        }
    }

    /** The +1 units of a state as a bit set, for duplicate checks. */
    public static BitSet key(float[] state) {
        BitSet bits = new BitSet(state.length);
        for (int i = 0; i < state.length; i++) {
            if (state[i] > 0) {
                bits.set(i);
            }
        }
        return bits;
    }

    /** Flips each unit of {@code state} independently with probability q (in place); returns how many flipped. */
    public static int flipEach(float[] state, double q, SplittableRandom random) {
        int flipped = 0;
        for (int i = 0; i < state.length; i++) {
            if (random.nextDouble() < q) {
                state[i] = -state[i];
                flipped++;
            }
        }
        return flipped;
    }
}
