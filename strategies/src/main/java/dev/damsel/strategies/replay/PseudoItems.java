package dev.damsel.strategies.replay;

import dev.damsel.api.AssociativeMemory;
import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes pseudo-items from a memory alone (Robins 1995; for Hopfield networks Robins &amp; McCallum 1998):
 * <ul>
 *   <li>autoassociative (the mask holds every unit): a uniformly random bipolar state, relaxed synchronously
 *       ({@link RelaxOptions#DEFAULT}) to an attractor; kept only if it is a fixed point (one more step changes
 *       nothing), so a cycle or an unfinished relaxation is rejected;</li>
 *   <li>classification (the mask is a subset): random bipolar values on the unmasked units (the "pixels"), the masked
 *       units set to −1 as at prediction time, and a one-hot label read from the memory: +1 on the masked unit with the
 *       largest drive, −1 on the others.</li>
 * </ul>
 * A candidate may further be rejected if it equals a given learned item ({@code rejectLearned}) or one already made
 * ({@code unique}). Candidates are drawn until {@code count} are kept or {@code maxAttempts} were drawn; the result
 * may then hold fewer than {@code count}.
 *
 * @param count         how many pseudo-items to make
 * @param rejectLearned reject a candidate equal to one of the learned items
 * @param unique        reject a candidate equal to one already kept
 * @param maxAttempts   the most candidates drawn
 */
public record PseudoItems(int count, boolean rejectLearned, boolean unique, int maxAttempts) {

    /** The pseudo-items and how many candidates were drawn to make them. */
    public record Result(StateBatch items, int attempts) {
    }

    public Result make(AssociativeMemory memory, UnitMask mask, StateBatch learned, SplittableRandom random) {
        int n = memory.dimension();
        Set<BitSet> forbidden = new HashSet<>();
        if (rejectLearned) {
            for (int b = 0; b < learned.size(); b++) {
                forbidden.add(key(learned.row(b)));
            }
        }
        Set<BitSet> kept = new HashSet<>();
        List<float[]> out = new ArrayList<>();
        int attempts = 0;
        while (out.size() < count && attempts < maxAttempts) {
            int batch = Math.min(count - out.size(), maxAttempts - attempts);
            attempts += batch;
            StateBatch candidates = mask.isAll() ? attractors(memory, mask, batch, random)
                    : labelled(memory, mask, batch, random);
            for (int b = 0; b < candidates.size() && out.size() < count; b++) {
                float[] row = candidates.row(b);
                if (Float.isNaN(row[0])) {
                    continue;
                }
                BitSet k = key(row);
                if (forbidden.contains(k) || (unique && kept.contains(k))) {
                    continue;
                }
                kept.add(k);
                out.add(row);
            }
        }
        return new Result(out.isEmpty() ? StateBatch.empty(n) : StateBatch.of(n, out.toArray(float[][]::new)), attempts);
    }

    /** Relaxed random states; a row that is not a fixed point is marked with NaN in its first unit. */
    private static StateBatch attractors(AssociativeMemory memory, UnitMask mask, int size, SplittableRandom random) {
        StateBatch relaxed = memory.relax(randomStates(size, memory.dimension(), random), mask, RelaxOptions.DEFAULT);
        StateBatch again = memory.relax(relaxed, mask, RelaxOptions.DEFAULT.singleStep());
        float[] values = relaxed.copyValues();
        int n = memory.dimension();
        for (int b = 0; b < size; b++) {
            for (int j = 0; j < n; j++) {
                if (relaxed.get(b, j) != again.get(b, j)) {
                    values[b * n] = Float.NaN;
                    break;
                }
            }
        }
        return new StateBatch(size, n, values);
    }

    private static StateBatch labelled(AssociativeMemory memory, UnitMask mask, int size, SplittableRandom random) {
        StateBatch states = randomStates(size, memory.dimension(), random);
        float[] x = states.values();
        int n = memory.dimension();
        int[] units = mask.units();
        for (int b = 0; b < size; b++) {
            for (int unit : units) {
                x[b * n + unit] = -1f;
            }
        }
        double[] drives = memory.unitDrives(states, mask);
        for (int b = 0; b < size; b++) {
            int best = 0;
            for (int k = 1; k < units.length; k++) {
                if (drives[b * units.length + k] > drives[b * units.length + best]) {
                    best = k;
                }
            }
            x[b * n + units[best]] = 1f;
        }
        return states;
    }

    static StateBatch randomStates(int size, int n, SplittableRandom random) {
        float[] x = new float[size * n];
        for (int p = 0; p < x.length; p++) {
            x[p] = random.nextBoolean() ? 1f : -1f;
        }
        return new StateBatch(size, n, x);
    }

    private static BitSet key(float[] row) {
        BitSet bits = new BitSet(row.length);
        for (int j = 0; j < row.length; j++) {
            if (row[j] > 0) {
                bits.set(j);
            }
        }
        return bits;
    }
}
