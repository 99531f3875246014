package dev.damsel.core.vector;

import java.util.Objects;

/**
 * The vector-math facade: static kernels that check their arguments and delegate to the one {@link VectorOps} chosen
 * at start-up by {@link VectorOpsProvider} (Panama on the Vector API when it loads, else the scalar reference).
 *
 * <p>Matrices are row-major {@code float[]} with explicit offsets and leading dimensions. ±1 vectors may be bit-packed
 * into {@code long[]}, 64 units a word (bit j of word w is unit 64·w + j, set for +1, and padding bits clear); the
 * overlap of two packed ±1 vectors of N units is {@code N − 2·popcount(a XOR b)}, exact.
 */
public final class Vectors {
    private static final VectorOps OPS = chooseOps();
    private static final ThreadLocal<IdentityTables> IDENTITY = ThreadLocal.withInitial(IdentityTables::new);

    private Vectors() {
    }

    /**
     * The kernels' settings: the thread count first, so that an error in it comes alone, before anything is logged
     * about the implementation; then the implementation.
     */
    private static VectorOps chooseOps() {
        Parallel.threads();
        return VectorOpsProvider.choose();
    }

    /** The kernels in use. */
    public static VectorOps ops() {
        return OPS;
    }

    /** {@code scalar} or {@code panama}, for provenance. */
    public static String implementationName() {
        return OPS.name();
    }

    /** The width of the vectors in use, in bits (0 for scalar). */
    public static int bitWidth() {
        return OPS.bitWidth();
    }

    /** The number of threads the kernels' outer loops use. */
    public static int threads() {
        return Parallel.threads();
    }

    public static float dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dot of vectors of lengths " + a.length + " and " + b.length);
        }
        return OPS.dot(a, 0, b, 0, a.length);
    }

    public static float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        checkRange(a.length, aOff, n);
        checkRange(b.length, bOff, n);
        return OPS.dot(a, aOff, b, bOff, n);
    }

    public static double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        checkRange(a.length, aOff, n);
        checkRange(b.length, bOff, n);
        return OPS.dot(a, aOff, b, bOff, n);
    }

    /** y += alpha·x over n entries. */
    public static void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        checkRange(x.length, xOff, n);
        checkRange(y.length, yOff, n);
        OPS.axpy(alpha, x, xOff, y, yOff, n);
    }

    /** C += A·B, with A m×k, B k×n and C m×n, all row-major and dense (leading dimensions k, n and n). */
    public static void gemm(int m, int n, int k, float[] a, float[] b, float[] c) {
        gemm(m, n, k, a, 0, k, b, 0, n, c, 0, n);
    }

    /** C += A·B with offsets and leading dimensions (see {@link VectorOps#gemm}); on the calling thread. */
    public static void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc) {
        checkMatrix("A", a, aOff, m, k, lda);
        checkMatrix("B", b, bOff, k, n, ldb);
        checkMatrix("C", c, cOff, m, n, ldc);
        OPS.gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /**
     * B (k×n) prepared for many products {@link #gemm(int, float[], int, int, PreparedMatrix, float[], int, int)}
     * (see {@link VectorOps#prepare}); B must not change while the result is in use.
     */
    public static PreparedMatrix prepare(int k, int n, float[] b, int bOff, int ldb) {
        checkMatrix("B", b, bOff, k, n, ldb);
        return OPS.prepare(k, n, b, bOff, ldb);
    }

    /** C += A·B for a prepared B (A m×k, C m×n), on the calling thread: bit for bit the plain {@link #gemm}. */
    public static void gemm(int m, float[] a, int aOff, int lda, PreparedMatrix b, float[] c, int cOff, int ldc) {
        Objects.requireNonNull(b, "b");
        checkMatrix("A", a, aOff, m, b.rows, lda);
        checkMatrix("C", c, cOff, m, b.cols, ldc);
        OPS.gemm(m, a, aOff, lda, b, c, cOff, ldc);
    }

    /**
     * C += A·B (dense, row-major) on {@link Parallel}'s threads: the same bits for any thread count, and those of
     * {@link #gemm(int, int, int, float[], float[], float[])} when {@link VectorOps#gemmRowsIndependent()} (the Java
     * kernels; not the native backend, whose row blocks round differently).
     */
    public static void gemmParallel(int m, int n, int k, float[] a, float[] b, float[] c) {
        gemmParallel(m, n, k, a, 0, k, b, 0, n, c, 0, n);
    }

    /**
     * C += A·B with offsets and leading dimensions on {@link Parallel}'s threads (see {@link VectorOps#gemmParallel}):
     * the same bits for any thread count, and those of
     * {@link #gemm(int, int, int, float[], int, int, float[], int, int, float[], int, int)} when
     * {@link VectorOps#gemmRowsIndependent()}.
     */
    public static void gemmParallel(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                                    float[] c, int cOff, int ldc) {
        checkMatrix("A", a, aOff, m, k, lda);
        checkMatrix("B", b, bOff, k, n, ldb);
        checkMatrix("C", c, cOff, m, n, ldc);
        OPS.gemmParallel(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /**
     * The number of row blocks {@link VectorOps#gemmParallel}'s default cuts m rows into: one under 32 rows, else at
     * least two and about 256 rows each (each block packs all of B again, so blocks are kept large). It depends on m
     * only, never on the thread count.
     */
    static int gemmRowBlocks(int m) {
        if (m < 32) {
            return 1;
        }
        return Math.max(2, (m + 255) / 256);
    }

    /**
     * The ±1 matrix of the signs of S (k×n, row-major from {@code off}, leading dimension ld; +1 where an entry is
     * &gt; 0), prepared for {@link #signProduct}. It is a copy: S may change afterwards.
     */
    public static SignMatrix signMatrix(int k, int n, float[] s, int off, int ld) {
        checkMatrix("S", s, off, k, n, ld);
        return SignMatrix.of(k, n, s, off, ld);
    }

    /**
     * C = A·S for a ±1 matrix S, with A (m×k) column-major (A(i, p) at {@code a[aOff + p·lda + i]}) and C (m×n)
     * row-major, overwriting C, on the calling thread (see {@link VectorOps#signProduct}: the same values in every
     * implementation).
     */
    public static void signProduct(int m, float[] a, int aOff, int lda, SignMatrix s, float[] c, int cOff, int ldc) {
        Objects.requireNonNull(s, "s");
        checkMatrix("A by columns", a, aOff, s.rows, m, lda);
        checkMatrix("C", c, cOff, m, s.cols, ldc);
        OPS.signProduct(m, a, aOff, lda, s, c, cOff, ldc);
    }

    /**
     * One synchronous sign update of n units, each ±1 (see {@link VectorOps#signStep}): {@code x_j = +1} where
     * {@code drive_j + x_j·diag > 0} in double, else −1. Returns whether any unit changed.
     */
    public static boolean signStep(float[] drive, int dOff, double diag, float[] x, int xOff, int n) {
        checkRange(drive.length, dOff, n);
        checkRange(x.length, xOff, n);
        return OPS.signStep(drive, dOff, diag, x, xOff, n);
    }

    /**
     * The magnitudes of each column of A (rows×cols, row-major from {@code aOff}, leading dimension lda):
     * {@code sums[j] = Σ_i |A(i, j)|} in float and {@code maxima[j] = max_i |A(i, j)|} (see
     * {@link VectorOps#absColumnSums}).
     */
    public static void absColumnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums,
                                     float[] maxima) {
        checkMatrix("A", a.length, aOff, rows, cols, lda);
        checkRange(sums.length, 0, cols);
        checkRange(maxima.length, 0, cols);
        OPS.absColumnSums(rows, cols, a, aOff, lda, sums, maxima);
    }

    /**
     * C = Q·S for a ±1 matrix S and Q the rows of A (m×k, column-major) scaled by {@code scale[i]} and rounded to
     * integers, in 16-bit two's complement, written to C as floats, with each row's rounding errors summed into
     * {@code error[i]} (see {@link VectorOps#signProductRounded}): exact where every row has
     * {@code Σ_p |Q(i, p)| ≤ 32767}; the caller keeps every scaled value under 2^15 in magnitude.
     */
    public static void signProductRounded(int m, float[] a, int aOff, int lda, float[] scale, SignMatrix s,
                                          float[] c, int cOff, int ldc, float[] error) {
        Objects.requireNonNull(s, "s");
        checkMatrix("A by columns", a.length, aOff, s.rows, m, lda);
        checkMatrix("C", c.length, cOff, m, s.cols, ldc);
        checkRange(scale.length, 0, m);
        checkRange(error.length, 0, m);
        OPS.signProductRounded(m, a, aOff, lda, scale, s, c, cOff, ldc, error);
    }

    /**
     * A sign update of n units, each ±1, that decides only the units whose drive clears ±band around
     * {@code −x·diag}, marking the others with a NaN drive (see {@link VectorOps#bandedSignStep}). Returns
     * {@code 2·(units left) + (1 if a decided unit changed)}.
     */
    public static int bandedSignStep(float[] drive, int dOff, double diag, double band, float[] x, int xOff, int n) {
        if (!(band >= 0)) {
            throw new IllegalArgumentException("band must be >= 0, got " + band);
        }
        checkRange(drive.length, dOff, n);
        checkRange(x.length, xOff, n);
        return OPS.bandedSignStep(drive, dOff, diag, band, x, xOff, n);
    }

    /**
     * {@code v > 0 ? 1f : −1f} (NaN and ±0 give −1) without a branch: the new sign of a unit is a coin flip to the
     * branch predictor, and C2 compiles the conditional to a branch. {@code v > 0} exactly when v's bits, as a
     * signed long, lie in [1, bits of +∞]: t = bits − 1 in [0, bits of +∞), read off two sign bits.
     */
    public static float signOf(double v) {
        long t = Double.doubleToRawLongBits(v) - 1;
        int positive = (int) ((~t & (t - 0x7FF0000000000000L)) >>> 63);
        return Float.intBitsToFloat(0xBF800000 ^ (positive << 31));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Bit-packed ±1 vectors

    /** Words needed to pack n units. */
    public static int words(int n) {
        return (n + 63) >>> 6;
    }

    /** Packs {@code x[off..off+n)} (+1 where x &gt; 0, else −1) into {@code out[outOff..outOff+words(n))}. */
    public static void packSigns(float[] x, int off, int n, long[] out, int outOff) {
        checkRange(x.length, off, n);
        checkRange(out.length, outOff, words(n));
        OPS.packSigns(x, off, n, out, outOff);
    }

    /** See {@link VectorOps#allBipolar}. */
    public static boolean allBipolar(float[] x, int off, int n) {
        checkRange(x.length, off, n);
        return OPS.allBipolar(x, off, n);
    }

    /** The exact overlap {@code N − 2·popcount(a XOR b)} of two packed ±1 vectors of n units. */
    public static int bitOverlap(long[] a, int aOff, long[] b, int bOff, int n) {
        int words = words(n);
        checkRange(a.length, aOff, words);
        checkRange(b.length, bOff, words);
        int differ = 0;
        for (int w = 0; w < words; w++) {
            differ += Long.bitCount(a[aOff + w] ^ b[bOff + w]);
        }
        return n - 2 * differ;
    }

    /**
     * All overlaps of {@code rowsA} packed ±1 vectors with {@code rowsB} others (each of n units, {@link #words}(n)
     * words apart): {@code out[outOff + i·rowsB + j] = N − 2·popcount(a_i XOR b_j)}, exact; {@link #bitOverlapsMapped}
     * with the identity table.
     */
    public static void bitOverlaps(long[] a, int aOff, int rowsA, long[] b, int rowsB, int n, float[] out,
                                   int outOff) {
        IdentityTables tables = IDENTITY.get().forUnits(n, rowsB);
        bitOverlapsMapped(a, aOff, rowsA, b, rowsB, n, tables.identity, tables.zeros, out, outOff, tables.sums);
    }

    /**
     * A thread's tables for {@link #bitOverlaps}: the identity {@code h + n → h} and a zero table for n units, and a
     * sums array it ignores; made again only when n changes or more rows come, so that repeated calls allocate nothing.
     */
    private static final class IdentityTables {
        private int units = -1;
        private float[] identity = new float[0];
        private double[] zeros = new double[0];
        private double[] sums = new double[0];

        IdentityTables forUnits(int n, int rowsB) {
            if (units != n) {
                identity = new float[2 * n + 1];
                for (int h = 0; h < identity.length; h++) {
                    identity[h] = h - n;
                }
                zeros = new double[2 * n + 1];
                units = n;
            }
            if (sums.length < rowsB) {
                sums = new double[rowsB];
            }
            return this;
        }
    }

    /**
     * The overlaps of packed ±1 rows (as in {@link #bitOverlaps}, row i of a at {@code aOff + i·words(n)}) read through
     * two tables indexed by overlap + n (each of 2n + 1 entries):
     * {@code out[outOff + i·rowsB + j] = first[h_ij + n]} and {@code sums[j] += second[h_ij + n]} for i in order, where
     * h_ij is the overlap of row i of a with row j of b. The synchronous step's first phase in one pass: with a the
     * memories and b the probes, a probe's coefficients and its diagonal sum over the memories.
     */
    public static void bitOverlapsMapped(long[] a, int aOff, int rowsA, long[] b, int rowsB, int n, float[] first,
                                         double[] second, float[] out, int outOff, double[] sums) {
        int words = words(n);
        checkRange(a.length, aOff, rowsA * words);
        checkRange(b.length, 0, rowsB * words);
        checkRange(first.length, 0, 2 * n + 1);
        checkRange(second.length, 0, 2 * n + 1);
        checkRange(out.length, outOff, rowsA * rowsB);
        checkRange(sums.length, 0, rowsB);
        OPS.bitOverlapsMapped(a, aOff, rowsA, b, rowsB, n, first, second, out, outOff, sums);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Drives

    /** See {@link VectorOps#driveSum}. */
    public static double driveSum(PolynomialShape f, double s, double[] m, int mOff, double[] w, int wOff, double x,
                                  int k) {
        Objects.requireNonNull(f, "f");
        checkRange(m.length, mOff, k);
        checkRange(w.length, wOff, k);
        return OPS.driveSum(f, s, m, mOff, w, wOff, x, k);
    }

    /** See {@link VectorOps#derivativeTerms}. */
    public static void derivativeTerms(PolynomialShape f, double s, double[] m, int mOff, double[] w, int wOff,
                                       double x, int k, double[] diff, double[] sum, int o) {
        Objects.requireNonNull(f, "f");
        checkRange(m.length, mOff, k);
        checkRange(w.length, wOff, k);
        checkRange(diff.length, o, k);
        checkRange(sum.length, o, k);
        OPS.derivativeTerms(f, s, m, mOff, w, wOff, x, k, diff, sum, o);
    }

    /** See {@link VectorOps#bipolarTerms}; x must be ±1. */
    public static double bipolarTerms(PolynomialShape f, double s, double[] m, double[] fm, double[] dfm, double[] w,
                                      int wOff, double x, int k, double[] diff, double[] sum) {
        Objects.requireNonNull(f, "f");
        if (x != 1 && x != -1) {
            throw new IllegalArgumentException("bipolarTerms needs a unit value of ±1, got " + x);
        }
        checkRange(m.length, 0, k);
        checkRange(fm.length, 0, k);
        checkRange(dfm.length, 0, k);
        checkRange(w.length, wOff, k);
        checkRange(diff.length, 0, k);
        checkRange(sum.length, 0, k);
        return OPS.bipolarTerms(f, s, m, fm, dfm, w, wOff, x, k, diff, sum);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void checkRange(int length, int off, int n) {
        if (off < 0 || n < 0 || (long) off + n > length) {
            throw new IndexOutOfBoundsException("range [" + off + ", " + ((long) off + n) + ") of an array of "
                    + length);
        }
    }

    private static void checkMatrix(String name, float[] data, int off, int rows, int cols, int ld) {
        checkMatrix(name, data.length, off, rows, cols, ld);
    }

    private static void checkMatrix(String name, int length, int off, int rows, int cols, int ld) {
        if (rows < 0 || cols < 0 || ld < cols) {
            throw new IllegalArgumentException(name + " is " + rows + " x " + cols + " with leading dimension " + ld);
        }
        if (rows > 0 && cols > 0) {
            checkRange(length, off, (rows - 1) * ld + cols);
        }
    }
}
