package dev.damsel.tasks.data;

import java.util.Arrays;

/**
 * An array read from (or to be written as) an IDX file of unsigned bytes (LeCun et al. 1998, the format of the MNIST
 * files): its dimensions, outermost first, and its values in row-major order as raw bytes (read them with
 * {@code & 0xFF}).
 *
 * @param dims dimensions, each ≥ 1, outermost first; the first is the number of items
 * @param data the values, {@code product(dims)} bytes
 */
public record IdxArray(int[] dims, byte[] data) {
    public IdxArray {
        if (dims.length < 1 || dims.length > 255) {
            throw new IllegalArgumentException("an IDX array needs 1 to 255 dimensions, got " + dims.length);
        }
        long size = 1;
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("IDX dimensions must be >= 1, got " + Arrays.toString(dims));
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("dimensions " + Arrays.toString(dims) + " need " + size
                    + " values, got " + data.length);
        }
        dims = dims.clone();
    }

    /** The number of items, the first dimension. */
    public int items() {
        return dims[0];
    }

    /** Values per item, the product of the inner dimensions. */
    public int itemSize() {
        return data.length / dims[0];
    }

    /** The value at flat index {@code k}, in [0, 255]. */
    public int unsigned(int k) {
        return data[k] & 0xFF;
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxArray other && Arrays.equals(other.dims, dims) && Arrays.equals(other.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxArray" + Arrays.toString(dims);
    }
}
