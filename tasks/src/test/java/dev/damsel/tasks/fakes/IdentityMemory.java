package dev.damsel.tasks.fakes;

import dev.damsel.api.AssociativeMemory;
import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;

/** A memory that leaves every probe as it is. */
public final class IdentityMemory implements AssociativeMemory {
    private final int dimension;

    public IdentityMemory(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public long parameterCount() {
        return 0;
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
        return new StateBatch(probes.size(), probes.dimension(), probes.copyValues());
    }
}
