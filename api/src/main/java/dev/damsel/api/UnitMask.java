package dev.damsel.api;

import java.util.Arrays;

/**
 * The units that a relaxation step updates or that a loss scores, as sorted distinct indices into a state of
 * {@link #dimension()} units. Units outside the mask stay clamped.
 *
 * <p>Examples: {@link #all(int)} for autoassociative recall; {@code range(794, 784, 794)} for the ten label units of
 * an MNIST classifier.
 */
public final class UnitMask {
    private final int dimension;
    private final int[] units;

    private UnitMask(int dimension, int[] units) {
        this.dimension = dimension;
        this.units = units;
    }

    public static UnitMask all(int dimension) {
        int[] units = new int[dimension];
        Arrays.setAll(units, i -> i);
        return of(dimension, units);
    }

    /** Units {@code from} (inclusive) to {@code to} (exclusive). */
    public static UnitMask range(int dimension, int from, int to) {
        if (from < 0 || to > dimension || from >= to) {
            throw new IllegalArgumentException("unit range [" + from + ", " + to + ") does not fit in dimension " + dimension);
        }
        int[] units = new int[to - from];
        Arrays.setAll(units, k -> from + k);
        return new UnitMask(dimension, units);
    }

    /** The given units, which are sorted and made distinct. */
    public static UnitMask of(int dimension, int... units) {
        if (dimension < 1) {
            throw new IllegalArgumentException("a unit mask needs dimension >= 1, got " + dimension);
        }
        int[] sorted = Arrays.stream(units).sorted().distinct().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("a unit mask needs at least one unit");
        }
        if (sorted[0] < 0 || sorted[sorted.length - 1] >= dimension) {
            throw new IllegalArgumentException("unit indices must lie in [0, " + dimension + ")");
        }
        return new UnitMask(dimension, sorted);
    }

    public int dimension() {
        return dimension;
    }

    /** How many units the mask holds. */
    public int size() {
        return units.length;
    }

    /** The k-th unit of the mask, in increasing order. */
    public int unit(int k) {
        return units[k];
    }

    public int[] units() {
        return units.clone();
    }

    public boolean isAll() {
        return units.length == dimension;
    }

    public boolean contains(int unit) {
        return Arrays.binarySearch(units, unit) >= 0;
    }

    /** A boolean view, {@code true} at masked units. */
    public boolean[] toFlags() {
        boolean[] flags = new boolean[dimension];
        for (int u : units) {
            flags[u] = true;
        }
        return flags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitMask other && other.dimension == dimension && Arrays.equals(other.units, units);
    }

    @Override
    public int hashCode() {
        return 31 * dimension + Arrays.hashCode(units);
    }

    @Override
    public String toString() {
        return isAll() ? "UnitMask[all " + dimension + "]" : "UnitMask[" + units.length + " of " + dimension + "]";
    }
}
