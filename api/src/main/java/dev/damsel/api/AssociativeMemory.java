package dev.damsel.api;

/**
 * An energy-based associative memory over states of {@link #dimension()} units: everything a task's evaluator needs.
 *
 * <p>For the dense associative memory of Krotov &amp; Hopfield 2016 the energy is
 * {@code E(x) = −Σ_μ F((β/N) ξ^μ·x)} and a unit's drive is the energy it saves by being +1 rather than −1.
 */
public interface AssociativeMemory {

    /** N, the number of units of a state. */
    int dimension();

    /** How many numbers the memory holds (K·N for K stored vectors of N units). */
    long parameterCount();

    /** The energy of each state of the batch. */
    double[] energy(StateBatch states);

    /**
     * The drive of each masked unit of each state: {@code E(x⁻ᵢ) − E(x⁺ᵢ)}, where {@code x⁺ᵢ} and {@code x⁻ᵢ} are the
     * state with unit i set to +1 and −1 and every other unit unchanged. A synchronous step sets unit i to the sign of
     * its drive. Returned row-major, {@code states.size()} rows of {@code mask.size()} values.
     */
    double[] unitDrives(StateBatch states, UnitMask mask);

    /**
     * Relaxes every probe: repeated steps over the masked units (units outside the mask stay clamped) until no unit
     * changes or {@link RelaxOptions#maxIterations()} sweeps. Returns new states; the probes are not modified.
     */
    StateBatch relax(StateBatch probes, UnitMask mask, RelaxOptions options);
}
