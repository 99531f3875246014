package dev.damsel.api;

import java.util.Arrays;

/**
 * A batch of {@code size} states of {@code dimension} units each, stored row-major in one {@code float[]}.
 *
 * <p>Bipolar models hold ±1 values; continuous models hold reals. The batch owns its array: the constructor does not
 * copy it and {@link #values()} returns it without copying, so that kernels can read it in place. Treat both as
 * read-only; {@link #copyValues()} gives a private copy.
 */
public final class StateBatch {
    private final int size;
    private final int dimension;
    private final float[] values;

    public StateBatch(int size, int dimension, float[] values) {
        if (size < 0 || dimension < 1) {
            throw new IllegalArgumentException("a state batch needs size >= 0 and dimension >= 1, got "
                    + size + " x " + dimension);
        }
        if (values.length != (long) size * dimension) {
            throw new IllegalArgumentException("a " + size + " x " + dimension + " state batch needs "
                    + (long) size * dimension + " values, got " + values.length);
        }
        this.size = size;
        this.dimension = dimension;
        this.values = values;
    }

    /** A batch made of copies of the given rows, each of length {@code dimension}. */
    public static StateBatch of(int dimension, float[]... rows) {
        float[] values = new float[rows.length * dimension];
        for (int b = 0; b < rows.length; b++) {
            if (rows[b].length != dimension) {
                throw new IllegalArgumentException("row " + b + " has " + rows[b].length + " units, expected " + dimension);
            }
            System.arraycopy(rows[b], 0, values, b * dimension, dimension);
        }
        return new StateBatch(rows.length, dimension, values);
    }

    /** An empty batch of the given dimension. */
    public static StateBatch empty(int dimension) {
        return new StateBatch(0, dimension, new float[0]);
    }

    public int size() {
        return size;
    }

    public int dimension() {
        return dimension;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public float get(int state, int unit) {
        return values[state * dimension + unit];
    }

    /** The backing row-major array, not a copy: read-only by contract. */
    public float[] values() {
        return values;
    }

    public float[] copyValues() {
        return values.clone();
    }

    /** A copy of one state. */
    public float[] row(int state) {
        return Arrays.copyOfRange(values, state * dimension, (state + 1) * dimension);
    }

    /** A new batch of the rows with the given indices, in that order (indices may repeat). */
    public StateBatch select(int[] rows) {
        float[] out = new float[rows.length * dimension];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(values, rows[k] * dimension, out, k * dimension, dimension);
        }
        return new StateBatch(rows.length, dimension, out);
    }

    /** A new batch of rows {@code from} (inclusive) to {@code to} (exclusive). */
    public StateBatch slice(int from, int to) {
        return new StateBatch(to - from, dimension, Arrays.copyOfRange(values, from * dimension, to * dimension));
    }

    /** This batch followed by {@code other}, which must have the same dimension. */
    public StateBatch concat(StateBatch other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("cannot join batches of dimension " + dimension + " and " + other.dimension);
        }
        if (other.size == 0) {
            return this;
        }
        if (size == 0) {
            return other;
        }
        float[] out = Arrays.copyOf(values, values.length + other.values.length);
        System.arraycopy(other.values, 0, out, values.length, other.values.length);
        return new StateBatch(size + other.size, dimension, out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StateBatch other && other.size == size && other.dimension == dimension
                && Arrays.equals(other.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * size + dimension) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "StateBatch[" + size + " x " + dimension + "]";
    }
}
