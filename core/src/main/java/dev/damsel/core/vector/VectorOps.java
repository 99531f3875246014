package dev.damsel.core.vector;

/**
 * The kernels behind {@link Vectors}. Implementations do no argument checking (the facade does) and allocate nothing
 * per call except thread-local scratch sized once. {@link ScalarVectorOps} is the reference; {@code PanamaVectorOps}
 * uses {@code jdk.incubator.vector} and is loaded by name by {@link VectorOpsProvider}.
 */
public interface VectorOps {

    /** The id recorded in provenance: {@code scalar}, {@code panama} or {@code openblas}. */
    String name();

    /** The width in bits of the vectors the kernels use (0 for the scalar reference). */
    int bitWidth();

    /** Σ a[aOff+j]·b[bOff+j], j &lt; n, in float. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** Σ a[aOff+j]·b[bOff+j], j &lt; n, in double. */
    double dot(double[] a, int aOff, double[] b, int bOff, int n);

    /** y[yOff+j] += alpha·x[xOff+j], j &lt; n. */
    void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n);

    /**
     * C += A·B for row-major A (m×k, leading dimension lda), B (k×n, ldb) and C (m×n, ldc). Each element of C gets the
     * same sequence of operations whatever m is and wherever its row lies, so splitting the rows of a product across
     * threads does not change any result.
     */
    void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc);

    /**
     * B (k×n, row-major from {@code bOff}, leading dimension ldb) prepared for many products
     * {@link #gemm(int, float[], int, int, PreparedMatrix, float[], int, int)}. The default keeps a reference to B.
     */
    default PreparedMatrix prepare(int k, int n, float[] b, int bOff, int ldb) {
        return new PreparedMatrix(k, n, b, bOff, ldb, null);
    }

    /**
     * C += A·B for a prepared B: bit for bit {@link #gemm(int, int, int, float[], int, int, float[], int, int, float[],
     * int, int)} with B's own arguments, the per-call rearranging of B done once in {@link #prepare}. The default
     * calls that gemm.
     */
    default void gemm(int m, float[] a, int aOff, int lda, PreparedMatrix b, float[] c, int cOff, int ldc) {
        gemm(m, b.cols, b.rows, a, aOff, lda, b.data, b.off, b.ld, c, cOff, ldc);
    }

    /**
     * {@link #gemm} on {@link Parallel}'s threads, bit for bit the same result whatever the thread count. The default
     * cuts the rows of C into blocks fixed by m ({@link Vectors#gemmRowBlocks}) and makes one {@link #gemm} call per
     * block; an implementation may share work between blocks (pack B once) as long as each element of C gets the
     * operations {@link #gemm} gives it.
     */
    default void gemmParallel(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc) {
        int blocks = Vectors.gemmRowBlocks(m);
        int rows = (m + blocks - 1) / blocks;
        Parallel.forEach(blocks, block -> {
            int from = block * rows;
            int count = Math.min(rows, m - from);
            if (count > 0) {
                gemm(count, n, k, a, aOff + from * lda, lda, b, bOff, ldb, c, cOff + from * ldc, ldc);
            }
        });
    }

    /**
     * Whether {@link #gemm} keeps the promise above that a row of C gets the same operations whatever m is and
     * wherever the row lies. The Java kernels do. A native BLAS does not (its kernels round a row differently by its
     * place in a group of rows), though one call always gives the same result for the same arguments: a caller that
     * splits rows into blocks whose size follows the thread count must then split by a size fixed otherwise.
     */
    default boolean gemmRowsIndependent() {
        return true;
    }

    /**
     * Packs the signs of {@code x[off..off+n)}: bit j of word w of {@code out[outOff..outOff+words(n))} is 1 where
     * {@code x[off + 64w + j] > 0} (NaN and ±0 give 0), and the bits past n in the last word are 0. Every
     * implementation gives these exact words.
     */
    void packSigns(float[] x, int off, int n, long[] out, int outOff);

    /**
     * Whether every value of {@code x[off..off+n)} is exactly +1 or −1 (so not ±0, NaN or any other value): the test a
     * bipolar memory makes of a batch before its ±1-only kernels. True for n = 0.
     */
    boolean allBipolar(float[] x, int off, int n);

    /**
     * The overlaps of bit-packed ±1 rows read through two tables indexed by overlap + n (each of 2n + 1 entries): row
     * i of a at {@code aOff + i·words(n)}, row j of b at {@code j·words(n)}, h_ij = n − 2·popcount(a_i XOR b_j),
     * {@code out[outOff + i·rowsB + j] = first[h_ij + n]} and {@code sums[j] += second[h_ij + n]}, one addition per
     * row of a, i ascending. Every implementation gives these exact values.
     */
    void bitOverlapsMapped(long[] a, int aOff, int rowsA, long[] b, int rowsB, int n, float[] first, double[] second,
                           float[] out, int outOff, double[] sums);

    /**
     * C = A·S for A (m×k, <em>column-major</em>: A(i, p) at {@code a[aOff + p·lda + i]}, lda ≥ m) and a ±1 matrix S
     * (k×n), overwriting C (m×n, row-major from {@code cOff}, leading dimension ldc). A is taken by columns because a
     * column of A is what a table entry combines, for many rows at once. The method of four Russians (Arlazarov, Dinic,
     * Kronrod &amp; Faradzev 1970) for a sign matrix: the rows of S go in groups of four ({@link SignMatrix#GROUP});
     * for each row of A and group g the 16 signed sums {@code T_g[c] = (σ0 a0 + σ1 a1) + (σ2 a2 + σ3 a3)}
     * (a_t = A(i, 4g+t), 0 past k; σ_t = +1 where bit t of c is set, else −1) are tabulated once, those with bit 3
     * set as the exact negation of their complement's ({@link SignMatrix#table}); column j then reads its group's
     * entry by its code. So {@code C(i, j) = ((0 + T_0[c_0j]) + T_1[c_1j]) + …} in group order: about k(n + 14)/4
     * additions a row instead of k·n multiply-adds, and these exact values in every implementation.
     */
    void signProduct(int m, float[] a, int aOff, int lda, SignMatrix s, float[] c, int cOff, int ldc);

    /**
     * One synchronous sign update of n units, each ±1: {@code x[xOff+j] = v > 0 ? +1 : −1} with
     * {@code v = drive[dOff+j] + x[xOff+j]·diag} in double (no fused multiply-add; NaN and ±0 give −1). Returns
     * whether any unit's value changed. Every implementation gives these exact values.
     */
    boolean signStep(float[] drive, int dOff, double diag, float[] x, int xOff, int n);

    /**
     * {@code sums[j] = Σ_{i<rows} |A(i, j)|} in float, adding in row order from 0, and
     * {@code maxima[j] = max_{i<rows} |A(i, j)|} ({@link Math#max}, so a NaN wins), for A (rows×cols, row-major from
     * {@code aOff}, leading dimension lda): the magnitudes of each column of probes' coefficients, from which the step
     * takes {@link #signProductRounded}'s scales and judges whether the 16-bit product will decide the probe.
     */
    void absColumnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, float[] maxima);

    /**
     * {@link #signProduct} on 16-bit integers rounded from A: each row of A (m×k, column-major) is scaled and rounded
     * to the nearest integer (ties to even), {@code Q(i, p) = rint(A(i, p)·scale[i])} with the product in float (the
     * caller keeps it under 2^15 in magnitude), the rounding errors' magnitudes are summed in float in p order,
     * {@code error[i] = Σ_p |A(i, p)·scale[i] − Q(i, p)|}, and C = Q·S is taken by the method of four Russians in
     * 16-bit two's complement (modulo 2^16, as Java's {@code short} arithmetic), each result written to C as a float.
     * Integer sums need no order, so every implementation gives the same values, and C is the exact product Q·S
     * wherever {@code Σ_p |Q(i, p)| ≤ 32767}. A 16-bit lane is half a float lane: a vector holds twice the rows.
     */
    void signProductRounded(int m, float[] a, int aOff, int lda, float[] scale, SignMatrix s, float[] c, int cOff,
                            int ldc, float[] error);

    /**
     * A sign update that decides only the units whose drive clears a band: with thresholds
     * {@code up = band − x_j·diag} and {@code down = −band − x_j·diag} in double, {@code x_j} becomes +1 where
     * {@code drive_j > up}, −1 where {@code drive_j < down}, and is left as it is where neither holds (a NaN drive
     * included); there {@code drive_j} is set to NaN, to mark the unit for an exact decision by the caller. If the
     * drive given is within band of a true drive (less the thresholds' double rounding, which the caller's band
     * covers), every unit decided gets the sign of the true {@code drive + x·diag}. Returns
     * {@code 2·(units left) + (1 if a decided unit changed, else 0)}.
     * Every implementation gives these exact values.
     */
    int bandedSignStep(float[] drive, int dOff, double diag, double band, float[] x, int xOff, int n);

    /**
     * One unit's gradient terms added in, element by element: {@code dd = delta·diff[μ]}, {@code sumD[μ] += dd},
     * {@code cols[colOff+μ] += delta·sum[μ] − x·dd}, μ &lt; k, each element by exactly these operations.
     */
    void accumulateTerms(double delta, double x, double[] diff, double[] sum, double[] sumD, double[] cols,
                         int colOff, int k);

    /**
     * The drive of one unit, vectorised over memories: {@code Σ_{μ<k} F(s(c_μ+w_μ)) − F(s(c_μ−w_μ))} with
     * {@code c_μ = m_μ − w_μ·x}, where {@code m_μ = m[mOff+μ]} is the overlap of memory μ with the state,
     * {@code w_μ = w[wOff+μ]} the memory's value at the unit and x the unit's value.
     */
    double driveSum(PolynomialShape f, double s, double[] m, int mOff, double[] w, int wOff, double x, int k);

    /**
     * The derivative terms of the same unit: {@code diff[o+μ] = F'(s(c_μ+w_μ)) − F'(s(c_μ−w_μ))} and
     * {@code sum[o+μ] = F'(s(c_μ+w_μ)) + F'(s(c_μ−w_μ))}.
     */
    void derivativeTerms(PolynomialShape f, double s, double[] m, int mOff, double[] w, int wOff, double x, int k,
                         double[] diff, double[] sum, int o);

    /**
     * The drive and the derivative terms of one unit whose value x is ±1, in one pass: one of the unit's two
     * arguments is then the state's own scaled overlap {@code s·m_μ}, whose {@code F} and {@code F'} the caller gives
     * in {@code fm} and {@code dfm}; the other is {@code t_μ = s(m_μ − 2x·w_μ)}. Returns
     * {@code x Σ_μ (fm_μ − F(t_μ))} (= {@link #driveSum}) and writes {@code diff[μ] = x (dfm_μ − F'(t_μ))},
     * {@code sum[μ] = dfm_μ + F'(t_μ)} (= {@link #derivativeTerms}), μ &lt; k.
     */
    double bipolarTerms(PolynomialShape f, double s, double[] m, double[] fm, double[] dfm, double[] w, int wOff,
                        double x, int k, double[] diff, double[] sum);
}
