package dev.damsel.core.memory;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where the two-product synchronous step of {@link DenseBipolarMemory} spends its time: while {@link #enable enabled},
 * the step adds the wall time of each of its phases, on every kernel thread, and counts the probes it stepped. Off by
 * default, when it costs the step one volatile read a phase and block. A diagnostic for benchmarks
 * ({@code damsel bench step --phases}), shared by every memory in the JVM; it changes no result.
 */
public final class StepPhases {
    /** The step's phases, in the order a block runs them. */
    public enum Phase {
        /** Packing the probes' signs into bits. */
        PACK,
        /** The bit-packed overlaps read through the coefficient tables, with each probe's diagonal sum. */
        OVERLAPS,
        /** Each probe's sum and largest magnitude of its coefficients (the 16-bit product's scale). */
        MAGNITUDES,
        /** The product of the coefficients with the patterns' signs (16-bit or float). */
        PRODUCT,
        /** The sign updates, with the exact decisions of the units the 16-bit product left undecided. */
        SIGNS
    }

    private static final Phase[] PHASES = Phase.values();
    private static final AtomicLongArray NANOS = new AtomicLongArray(PHASES.length);
    private static final AtomicLongArray PROBES = new AtomicLongArray(1);
    private static volatile boolean on;

    private StepPhases() {
    }

    /** Clears the totals and starts adding to them. */
    public static void enable() {
        reset();
        on = true;
    }

    /** Stops adding; the totals stay. */
    public static void disable() {
        on = false;
    }

    /** The probes stepped and each phase's nanoseconds (summed over threads) since {@link #enable}. */
    public static Totals totals() {
        Map<Phase, Long> nanos = new EnumMap<>(Phase.class);
        for (Phase phase : PHASES) {
            nanos.put(phase, NANOS.get(phase.ordinal()));
        }
        return new Totals(PROBES.get(0), nanos);
    }

    private static void reset() {
        for (int k = 0; k < PHASES.length; k++) {
            NANOS.set(k, 0);
        }
        PROBES.set(0, 0);
    }

    /** The clock when enabled, else 0: the start of a phase. */
    static long mark() {
        return on ? System.nanoTime() : 0L;
    }

    /** Adds the time since {@code since} to the phase when enabled; returns the clock (the next phase's start). */
    static long lap(Phase phase, long since) {
        if (!on) {
            return 0L;
        }
        long now = System.nanoTime();
        NANOS.addAndGet(phase.ordinal(), now - since);
        return now;
    }

    /** Counts probes stepped when enabled. */
    static void count(int probes) {
        if (on) {
            PROBES.addAndGet(0, probes);
        }
    }

    /**
     * Totals of the phases.
     *
     * @param probes the probes stepped (each once a call, however many sweeps it took)
     * @param nanos  each phase's nanoseconds, summed over the kernel threads
     */
    public record Totals(long probes, Map<Phase, Long> nanos) {
        /** A phase's nanoseconds per probe; 0 when no probe was stepped. */
        public double nanosPerProbe(Phase phase) {
            return probes == 0 ? 0 : nanos.get(phase) / (double) probes;
        }
    }
}
