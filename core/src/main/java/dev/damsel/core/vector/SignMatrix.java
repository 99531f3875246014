package dev.damsel.core.vector;

/**
 * A k×n matrix S of ±1 entries held as the codes that {@link VectorOps#signProduct} reads: the rows are taken four at
 * a time ({@link #GROUP}), and for column j and group g the code is {@code Σ_t [S(4g+t, j) = +1]·2^t}, one byte, kept
 * column-major ({@code codes[j·groups + g]}) so that one column's groups lie together. Rows past k in the last group
 * count as −1 (the product gives them a zero coefficient).
 *
 * <p>Made once per matrix by {@link Vectors#signMatrix} and shared, read-only, by every product that uses it.
 */
public final class SignMatrix {
    /** Rows of S per group (per code): a table of 2^GROUP signed sums serves each group. */
    public static final int GROUP = 4;
    /** Entries of one group's table: 2^{@link #GROUP}. */
    static final int TABLE = 1 << GROUP;

    final int rows;
    final int cols;
    final int groups;
    final byte[] codes;

    private SignMatrix(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.groups = (rows + GROUP - 1) / GROUP;
        this.codes = new byte[cols * groups];
    }

    /** The signs of {@code s[off + i·ld + j]}, i &lt; k, j &lt; n: +1 where the entry is &gt; 0, else −1. */
    static SignMatrix of(int k, int n, float[] s, int off, int ld) {
        SignMatrix out = new SignMatrix(k, n);
        for (int i = 0; i < k; i++) {
            int bit = i % GROUP;
            int row = off + i * ld;
            for (int j = 0; j < n; j++) {
                if (s[row + j] > 0) {
                    out.codes[j * out.groups + i / GROUP] |= (byte) (1 << bit);
                }
            }
        }
        return out;
    }

    /**
     * The table of one group with coefficients a0…a3 into {@code out[off..off+16)}: entry c is
     * {@code (σ0 a0 + σ1 a1) + (σ2 a2 + σ3 a3)} with σ_t = +1 where bit t of c is set, else −1; entries 8–15 are
     * the negations of entries 7–0 (exact, as a sum of negated terms is the negated sum but for the sign of a zero).
     * The order of {@link VectorOps#signProduct}, which the Panama kernel follows lane by lane.
     */
    static void table(float a0, float a1, float a2, float a3, float[] out, int off) {
        float u0 = -a0 - a1;
        float u1 = a0 - a1;
        float u2 = -a0 + a1;
        float u3 = a0 + a1;
        float v0 = -a2 - a3;
        float v1 = a2 - a3;
        entry(u0 + v0, out, off, 0);
        entry(u1 + v0, out, off, 1);
        entry(u2 + v0, out, off, 2);
        entry(u3 + v0, out, off, 3);
        entry(u0 + v1, out, off, 4);
        entry(u1 + v1, out, off, 5);
        entry(u2 + v1, out, off, 6);
        entry(u3 + v1, out, off, 7);
    }

    private static void entry(float value, float[] out, int off, int code) {
        out[off + code] = value;
        out[off + TABLE - 1 - code] = -value;
    }

    /** k, the rows of S. */
    public int rows() {
        return rows;
    }

    /** n, the columns of S. */
    public int cols() {
        return cols;
    }

    /** S(i, j) as ±1. */
    public float get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") of a " + rows + " x " + cols + " sign matrix");
        }
        return (codes[j * groups + i / GROUP] >> (i % GROUP) & 1) == 1 ? 1f : -1f;
    }
}
