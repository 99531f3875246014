package dev.damsel.core.vector;

/**
 * The right-hand operand B (k×n) of many products {@code C += A·B}, prepared once by {@link VectorOps#prepare}: an
 * implementation may keep B rearranged for its kernels (Panama keeps it in packed panels) so that each product skips
 * that work. It holds B itself by reference: B must not change while the prepared form is in use.
 */
public final class PreparedMatrix {
    final int rows;
    final int cols;
    final float[] data;
    final int off;
    final int ld;
    /** The implementation's rearranged copy of B, or null when it reads B as it is. */
    final Object packed;

    PreparedMatrix(int rows, int cols, float[] data, int off, int ld, Object packed) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.off = off;
        this.ld = ld;
        this.packed = packed;
    }

    /** k, the rows of B. */
    public int rows() {
        return rows;
    }

    /** n, the columns of B. */
    public int cols() {
        return cols;
    }
}
