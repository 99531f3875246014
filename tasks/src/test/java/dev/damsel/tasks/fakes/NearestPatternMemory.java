package dev.damsel.tasks.fakes;

import dev.damsel.api.AssociativeMemory;
import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;

/** A memory that relaxes every probe to the stored pattern nearest in Hamming distance (the first one on ties). */
public final class NearestPatternMemory implements AssociativeMemory {
    private final StateBatch stored;
    private int relaxCalls;
    private UnitMask lastMask;
    private RelaxOptions lastOptions;

    public NearestPatternMemory(StateBatch stored) {
        this.stored = stored;
    }

    public int relaxCalls() {
        return relaxCalls;
    }

    public UnitMask lastMask() {
        return lastMask;
    }

    public RelaxOptions lastOptions() {
        return lastOptions;
    }

    @Override
    public int dimension() {
        return stored.dimension();
    }

    @Override
    public long parameterCount() {
        return (long) stored.size() * stored.dimension();
    }

    @Override
    public double[] energy(StateBatch states) {
        return new double[states.size()];
    }

    @Override
    public double[] unitDrives(StateBatch states, UnitMask mask) {
        return new double[states.size() * mask.size()];
    }

    @Override
    public StateBatch relax(StateBatch probes, UnitMask mask, RelaxOptions options) {
        relaxCalls++;
        lastMask = mask;
        lastOptions = options;
        int[] nearest = new int[probes.size()];
        for (int p = 0; p < probes.size(); p++) {
            int best = Integer.MAX_VALUE;
            for (int mu = 0; mu < stored.size(); mu++) {
                int distance = 0;
                for (int i = 0; i < probes.dimension(); i++) {
                    if (probes.get(p, i) != stored.get(mu, i)) {
                        distance++;
                    }
                }
                if (distance < best) {
                    best = distance;
                    nearest[p] = mu;
                }
            }
        }
        return stored.select(nearest);
    }
}
