package dev.damsel.core.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Kernels on the Vector API ({@code jdk.incubator.vector}), at the platform's preferred species. Never referenced
 * statically: {@link VectorOpsProvider} loads it by name, so that the rest of damsel runs without the incubator
 * module. Every kernel but the matrix product ends in a scalar tail; the product pads its packed panels with zeros
 * instead and runs the edges of C through a small tile.
 *
 * <p>The matrix product packs B into panels of {@link #NR} columns and A into panels of {@link #MR} rows, {@link #KC}
 * deep (thread-local buffers, sized once), and runs a 5 × 2-vector register block over them that accumulates straight
 * into C with one fused multiply-add per k, in k order. So every element of C gets {@code c = fma(a_ip, b_pj, c)}
 * for p = 0, 1, …, k − 1 whatever the blocking, the shape of the call or the place of its row and column: splitting a
 * product into blocks of rows or columns does not change a bit.
 */
final class PanamaVectorOps implements VectorOps {
    static final String NAME = "panama";
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final int FL = FS.length();
    private static final int DL = DS.length();
    /** Rows of the register block and of a packed A panel. */
    static final int MR = 5;
    /**
     * Floats per k in a packed A panel: MR rounded up to a power of two, so that the panel index is a shift of k (C2
     * removes the bounds checks of {@code i << 3} but not of {@code i * 5}, which it rewrites as shifts and an add).
     */
    static final int AS = 8;
    /** Columns of the register block and of a packed B panel: two vectors. */
    static final int NR = 2 * FL;
    /** The k extent of a packed block (a B panel, kc × NR, stays in L1). */
    static final int KC = 256;
    /** Rows of A packed at a time (mc × kc stays in L2): a multiple of {@link #MR}. */
    static final int MC = MR * 28;
    /** Columns of B packed at a time: a multiple of {@link #NR}. */
    static final int NC = NR * 64;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Refuses hardware whose preferred vectors are under 128 bits (the provider logs the message). */
    PanamaVectorOps() {
        if (FS.vectorBitSize() < 128) {
            throw new UnsupportedOperationException("the preferred vector size is " + FS.vectorBitSize()
                    + " bits, under the 128 bits the Panama kernels need");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int bitWidth() {
        return FS.vectorBitSize();
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        FloatVector s0 = FloatVector.zero(FS);
        FloatVector s1 = FloatVector.zero(FS);
        FloatVector s2 = FloatVector.zero(FS);
        FloatVector s3 = FloatVector.zero(FS);
        int j = 0;
        for (; j + 4 * FL <= n; j += 4 * FL) {
            s0 = FloatVector.fromArray(FS, a, aOff + j).fma(FloatVector.fromArray(FS, b, bOff + j), s0);
            s1 = FloatVector.fromArray(FS, a, aOff + j + FL).fma(FloatVector.fromArray(FS, b, bOff + j + FL), s1);
            s2 = FloatVector.fromArray(FS, a, aOff + j + 2 * FL).fma(FloatVector.fromArray(FS, b, bOff + j + 2 * FL),
                    s2);
            s3 = FloatVector.fromArray(FS, a, aOff + j + 3 * FL).fma(FloatVector.fromArray(FS, b, bOff + j + 3 * FL),
                    s3);
        }
        for (; j + FL <= n; j += FL) {
            s0 = FloatVector.fromArray(FS, a, aOff + j).fma(FloatVector.fromArray(FS, b, bOff + j), s0);
        }
        float sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            sum += a[aOff + j] * b[bOff + j];
        }
        return sum;
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        DoubleVector s0 = DoubleVector.zero(DS);
        DoubleVector s1 = DoubleVector.zero(DS);
        DoubleVector s2 = DoubleVector.zero(DS);
        DoubleVector s3 = DoubleVector.zero(DS);
        int j = 0;
        for (; j + 4 * DL <= n; j += 4 * DL) {
            s0 = DoubleVector.fromArray(DS, a, aOff + j).fma(DoubleVector.fromArray(DS, b, bOff + j), s0);
            s1 = DoubleVector.fromArray(DS, a, aOff + j + DL).fma(DoubleVector.fromArray(DS, b, bOff + j + DL), s1);
            s2 = DoubleVector.fromArray(DS, a, aOff + j + 2 * DL).fma(
                    DoubleVector.fromArray(DS, b, bOff + j + 2 * DL), s2);
            s3 = DoubleVector.fromArray(DS, a, aOff + j + 3 * DL).fma(
                    DoubleVector.fromArray(DS, b, bOff + j + 3 * DL), s3);
        }
        for (; j + DL <= n; j += DL) {
            s0 = DoubleVector.fromArray(DS, a, aOff + j).fma(DoubleVector.fromArray(DS, b, bOff + j), s0);
        }
        double sum = s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            sum += a[aOff + j] * b[bOff + j];
        }
        return sum;
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        DoubleVector av = DoubleVector.broadcast(DS, alpha);
        int j = 0;
        for (; j + DL <= n; j += DL) {
            DoubleVector.fromArray(DS, x, xOff + j).fma(av, DoubleVector.fromArray(DS, y, yOff + j))
                    .intoArray(y, yOff + j);
        }
        for (; j < n; j++) {
            y[yOff + j] += alpha * x[xOff + j];
        }
    }

    /** Element by element, the scalar operations on vectors (no fused multiply-add): the same values. */
    @Override
    public void accumulateTerms(double delta, double x, double[] diff, double[] sum, double[] sumD, double[] cols,
                                int colOff, int k) {
        DoubleVector dv = DoubleVector.broadcast(DS, delta);
        DoubleVector xv = DoubleVector.broadcast(DS, x);
        int mu = 0;
        for (; mu + DL <= k; mu += DL) {
            DoubleVector dd = dv.mul(DoubleVector.fromArray(DS, diff, mu));
            DoubleVector.fromArray(DS, sumD, mu).add(dd).intoArray(sumD, mu);
            DoubleVector term = dv.mul(DoubleVector.fromArray(DS, sum, mu)).sub(xv.mul(dd));
            DoubleVector.fromArray(DS, cols, colOff + mu).add(term).intoArray(cols, colOff + mu);
        }
        for (; mu < k; mu++) {
            double dd = delta * diff[mu];
            sumD[mu] += dd;
            cols[colOff + mu] += delta * sum[mu] - x * dd;
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Matrix product

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        Scratch scratch = SCRATCH.get();
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(b, bOff + pc * ldb + jc, ldb, kc, nc, scratch.b);
                multiplyPacked(m, nc, kc, a, aOff + pc, lda, scratch.b, 0, c, cOff + jc, ldc, scratch);
            }
        }
    }

    /**
     * Packs the whole of B once, in the layout of {@link #prepare} (its blocks spread over {@link Parallel}'s threads),
     * then spreads fixed blocks of whole A panels (about an eighth of m, at least {@value #PARALLEL_ROWS} rows) over the
     * threads, each running {@link #gemm(int, float[], int, int, PreparedMatrix, float[], int, int)}'s loop over all of
     * k and n on its own rows. Every element of C gets the operations of {@link #gemm}. The threads meet twice per call
     * (after the packing and at the end), whatever k and n, so a thread that loses its time slice holds the others up
     * once, not at every block of B. The packed copy lives in the calling thread's buffer, which grows to the largest
     * B it has packed.
     */
    @Override
    public void gemmParallel(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        int panels = (m + MR - 1) / MR;
        int blocks = Math.min(8, Math.max(1, m / PARALLEL_ROWS));
        int rowsPerBlock = (panels + blocks - 1) / blocks * MR;
        int count = (m + rowsPerBlock - 1) / rowsPerBlock;
        if (count == 1) {
            gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
            return;
        }
        float[] packed = SCRATCH.get().whole(packedSize(k, n));
        int depthBlocks = (k + KC - 1) / KC;
        Parallel.forEach(depthBlocks * ((n + NC - 1) / NC),
                t -> packBlock(k, n, b, bOff, ldb, packed, t / depthBlocks * NC, t % depthBlocks * KC));
        Parallel.forEach(count, block -> {
            int i0 = block * rowsPerBlock;
            int rows = Math.min(rowsPerBlock, m - i0);
            multiplyWhole(rows, n, k, a, aOff + i0 * lda, lda, packed, c, cOff + i0 * ldc, ldc, SCRATCH.get());
        });
    }

    /**
     * B packed whole, block by block in the order {@link #gemm} packs them: the block of columns from jc and depth from
     * pc starts at {@code jc·k + pc·ncPadded}, where ncPadded is the block's width rounded up to {@link #NR}.
     */
    @Override
    public PreparedMatrix prepare(int k, int n, float[] b, int bOff, int ldb) {
        float[] packed = new float[packedSize(k, n)];
        for (int jc = 0; jc < n; jc += NC) {
            for (int pc = 0; pc < k; pc += KC) {
                packBlock(k, n, b, bOff, ldb, packed, jc, pc);
            }
        }
        return new PreparedMatrix(k, n, b, bOff, ldb, packed);
    }

    private static int packedSize(int k, int n) {
        return k * ((n + NR - 1) / NR * NR);
    }

    /** Packs the block of B with columns from jc and depth from pc into its place in the whole packed copy. */
    private static void packBlock(int k, int n, float[] b, int bOff, int ldb, float[] packed, int jc, int pc) {
        int nc = Math.min(NC, n - jc);
        int padded = (nc + NR - 1) / NR * NR;
        int kc = Math.min(KC, k - pc);
        packB(b, bOff + pc * ldb + jc, ldb, kc, nc, packed, jc * k + pc * padded, 0, padded / NR);
    }

    /** {@link #gemm} over the blocks {@link #prepare} packed: the same blocks, in the same order, unpacked once. */
    @Override
    public void gemm(int m, float[] a, int aOff, int lda, PreparedMatrix b, float[] c, int cOff, int ldc) {
        if (!(b.packed instanceof float[] packed)) {
            gemm(m, b.cols, b.rows, a, aOff, lda, b.data, b.off, b.ld, c, cOff, ldc);
            return;
        }
        if (m == 0 || b.cols == 0 || b.rows == 0) {
            return;
        }
        multiplyWhole(m, b.cols, b.rows, a, aOff, lda, packed, c, cOff, ldc, SCRATCH.get());
    }

    /** C[m × n] += A[m × k] · B, B packed whole in the layout of {@link #prepare}. */
    private static void multiplyWhole(int m, int n, int k, float[] a, int aOff, int lda, float[] packed, float[] c,
                                      int cOff, int ldc, Scratch scratch) {
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int padded = (nc + NR - 1) / NR * NR;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                multiplyPacked(m, nc, kc, a, aOff + pc, lda, packed, jc * k + pc * padded, c, cOff + jc, ldc,
                        scratch);
            }
        }
    }

    /** The rows a block of {@link #gemmParallel} gets at least. */
    private static final int PARALLEL_ROWS = 32;

    /**
     * C[m × nc] += A[m × kc] · (packed B, kc × nc): packs A in blocks of {@link #MC} rows into {@code scratch} and runs
     * the register block over every pair of panels.
     */
    private static void multiplyPacked(int m, int nc, int kc, float[] a, int aOff, int lda, float[] packedB,
                                       int bAt, float[] c, int cOff, int ldc, Scratch scratch) {
        float[] packedA = scratch.a;
        float[] tile = scratch.tile;
        int panelsB = (nc + NR - 1) / NR;
        for (int ic = 0; ic < m; ic += MC) {
            int mc = Math.min(MC, m - ic);
            int panelsA = (mc + MR - 1) / MR;
            packA(a, aOff + ic * lda, lda, mc, kc, packedA);
            for (int q = 0; q < panelsB; q++) {
                int width = Math.min(NR, nc - q * NR);
                int pb = bAt + q * kc * NR;
                int cCol = cOff + q * NR;
                for (int r = 0; r < panelsA; r++) {
                    int rows = Math.min(MR, mc - r * MR);
                    int pa = r * kc * AS;
                    int cAt = cCol + (ic + r * MR) * ldc;
                    if (rows == MR && width == NR) {
                        kernel(packedA, pa, packedB, pb, kc, c, cAt, ldc);
                    } else {
                        edge(packedA, pa, packedB, pb, kc, c, cAt, ldc, rows, width, tile);
                    }
                }
            }
        }
    }

    /** Thread-local packing buffers, sized once. */
    private static final class Scratch {
        final float[] a = new float[MC / MR * AS * KC];
        final float[] b = new float[KC * NC];
        final float[] tile = new float[MR * NR];
        /** B packed whole by {@link #gemmParallel}, grown to the largest B this thread has packed. */
        private float[] whole = new float[0];

        float[] whole(int size) {
            if (whole.length < size) {
                whole = new float[size];
            }
            return whole;
        }
    }

    /**
     * Packs B[0..kc) × [0..nc) (from {@code from}) into panels of NR columns, each kc × NR row-major, the last
     * zero-padded.
     */
    private static void packB(float[] b, int from, int ldb, int kc, int nc, float[] packed) {
        packB(b, from, ldb, kc, nc, packed, 0, 0, (nc + NR - 1) / NR);
    }

    /** Packs panels {@code [q0, q1)} of {@link #packB(float[], int, int, int, int, float[])}, from {@code at}. */
    private static void packB(float[] b, int from, int ldb, int kc, int nc, float[] packed, int at, int q0, int q1) {
        for (int q = q0; q < q1; q++) {
            int j0 = q * NR;
            int width = Math.min(NR, nc - j0);
            int to = at + q * kc * NR;
            if (width == NR) {
                for (int p = 0; p < kc; p++) {
                    int src = from + p * ldb + j0;
                    int dst = to + p * NR;
                    FloatVector.fromArray(FS, b, src).intoArray(packed, dst);
                    FloatVector.fromArray(FS, b, src + FL).intoArray(packed, dst + FL);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = from + p * ldb + j0;
                    int dst = to + p * NR;
                    System.arraycopy(b, src, packed, dst, width);
                    Arrays.fill(packed, dst + width, dst + NR, 0f);
                }
            }
        }
    }

    /**
     * Packs A[0..mc) × [0..kc) (from {@code from}) into panels of MR rows, each stored k by k, {@link #AS} floats apart
     * (the first MR used); a last, shorter panel is zero-padded. The copy of a full panel reads its five rows
     * together ({@link #MR} = 5).
     */
    private static void packA(float[] a, int from, int lda, int mc, int kc, float[] packed) {
        int panels = (mc + MR - 1) / MR;
        for (int r = 0; r < panels; r++) {
            int i0 = r * MR;
            int rows = Math.min(MR, mc - i0);
            int to = r * kc * AS;
            int src = from + i0 * lda;
            if (rows == MR) {
                int s1 = src + lda;
                int s2 = s1 + lda;
                int s3 = s2 + lda;
                int s4 = s3 + lda;
                for (int p = 0; p < kc; p++) {
                    int d = to + p * AS;
                    packed[d] = a[src + p];
                    packed[d + 1] = a[s1 + p];
                    packed[d + 2] = a[s2 + p];
                    packed[d + 3] = a[s3 + p];
                    packed[d + 4] = a[s4 + p];
                }
            } else {
                Arrays.fill(packed, to, to + kc * AS, 0f);
                for (int i = 0; i < rows; i++) {
                    for (int p = 0; p < kc; p++) {
                        packed[to + p * AS + i] = a[src + i * lda + p];
                    }
                }
            }
        }
    }

    /**
     * C[MR × NR] (at {@code cAt}, leading dimension ldc) += one packed A panel times one packed B panel over kc,
     * accumulated straight into the loaded C with one fused multiply-add per k, in k order. Ten accumulators, two B
     * vectors and the broadcasts fit the sixteen AVX registers; a sixth row (twelve accumulators) makes C2 spill one
     * accumulator to the stack, and unrolling the k loop makes it spill more, both measured slower.
     */
    private static void kernel(float[] ap, int pa, float[] bp, int pb, int kc, float[] c, int cAt, int ldc) {
        int r1 = cAt + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        FloatVector c00 = FloatVector.fromArray(FS, c, cAt);
        FloatVector c01 = FloatVector.fromArray(FS, c, cAt + FL);
        FloatVector c10 = FloatVector.fromArray(FS, c, r1);
        FloatVector c11 = FloatVector.fromArray(FS, c, r1 + FL);
        FloatVector c20 = FloatVector.fromArray(FS, c, r2);
        FloatVector c21 = FloatVector.fromArray(FS, c, r2 + FL);
        FloatVector c30 = FloatVector.fromArray(FS, c, r3);
        FloatVector c31 = FloatVector.fromArray(FS, c, r3 + FL);
        FloatVector c40 = FloatVector.fromArray(FS, c, r4);
        FloatVector c41 = FloatVector.fromArray(FS, c, r4 + FL);
        for (int p = 0; p < kc; p++) {
            int ib = pb + p * NR;
            int ia = pa + p * AS;
            FloatVector b0 = FloatVector.fromArray(FS, bp, ib);
            FloatVector b1 = FloatVector.fromArray(FS, bp, ib + FL);
            FloatVector x = FloatVector.broadcast(FS, ap[ia]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(FS, ap[ia + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(FS, ap[ia + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(FS, ap[ia + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(FS, ap[ia + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
        }
        c00.intoArray(c, cAt);
        c01.intoArray(c, cAt + FL);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + FL);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + FL);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + FL);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + FL);
    }

    /**
     * A block at the bottom or right edge of C (under MR rows or NR columns): copied into a zero-padded tile, run
     * through the same {@link #kernel}, copied back. Each real element of C gets exactly the operations it would get
     * inside a full block.
     */
    private static void edge(float[] ap, int pa, float[] bp, int pb, int kc, float[] c, int cAt, int ldc, int rows,
                             int width, float[] tile) {
        Arrays.fill(tile, 0f);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(c, cAt + i * ldc, tile, i * NR, width);
        }
        kernel(ap, pa, bp, pb, kc, tile, 0, NR);
        for (int i = 0; i < rows; i++) {
            System.arraycopy(tile, i * NR, c, cAt + i * ldc, width);
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Product with a ±1 matrix (four Russians)

    // The lanes are rows of A: SIGN_ROWS rows at a time, read straight from column-major A, so that a vector holds
    // part of one column of A. For each block of SIGN_GROUPS groups the 16-entry tables of every group are built
    // lane-wise (SignMatrix.table's operations on vectors), then two columns of S at a time add their groups' entries
    // into eight accumulators (two columns × four vectors), which keeps eight independent chains of additions in
    // flight and reads one code per four vector additions (an odd last column is paired with itself, into a spare
    // column of sums). A lane computes exactly what the scalar reference computes for its row.

    /** Vectors of lanes per pass. */
    private static final int SIGN_VECTORS = 4;
    /** Rows of A per pass. */
    static final int SIGN_ROWS = SIGN_VECTORS * FL;
    /** Groups per block of tables: 16 tables of 16 entries × {@link #SIGN_ROWS} lanes, 32 KB (all of L1) at 256 bits. */
    static final int SIGN_GROUPS = 16;
    private static final int SIGN_ROW_SHIFT = Integer.numberOfTrailingZeros(SIGN_ROWS);
    private static final int SIGN_TABLE_SHIFT = SIGN_ROW_SHIFT + SignMatrix.GROUP;
    private static final ThreadLocal<SignScratch> SIGN_SCRATCH = ThreadLocal.withInitial(SignScratch::new);

    @Override
    public void packSigns(float[] x, int off, int n, long[] out, int outOff) {
        PanamaSignPacking.packSigns(x, off, n, out, outOff);
    }

    /**
     * {@link VectorOps#allBipolar}: |v| ≠ 1 lane by lane (NaN compares unequal), ORed into one mask that is looked at
     * once every {@value ScalarVectorOps#BIPOLAR_RUN} values; the last partial vector goes to the scalar loop.
     */
    @Override
    public boolean allBipolar(float[] x, int off, int n) {
        FloatVector one = FloatVector.broadcast(FS, 1f);
        int whole = n - n % FL;
        int j = 0;
        while (j < whole) {
            int end = Math.min(whole, j + ScalarVectorOps.BIPOLAR_RUN);
            VectorMask<Float> differ = FS.maskAll(false);
            for (; j < end; j += FL) {
                differ = differ.or(FloatVector.fromArray(FS, x, off + j).abs().compare(VectorOperators.NE, one));
            }
            if (differ.anyTrue()) {
                return false;
            }
        }
        return ScalarVectorOps.allBipolar(x, off, n, whole);
    }

    @Override
    public void bitOverlapsMapped(long[] a, int aOff, int rowsA, long[] b, int rowsB, int n, float[] first,
                                  double[] second, float[] out, int outOff, double[] sums) {
        if (PanamaBitOverlaps.pays(Vectors.words(n))) {
            PanamaBitOverlaps.mapped(a, aOff, rowsA, b, rowsB, n, first, second, out, outOff, sums);
        } else {
            BitOverlaps.mapped(a, aOff, rowsA, b, rowsB, n, first, second, out, outOff, sums);
        }
    }

    @Override
    public void signProduct(int m, float[] a, int aOff, int lda, SignMatrix s, float[] c, int cOff, int ldc) {
        int k = s.rows;
        int n = s.cols;
        int groups = s.groups;
        SignScratch scratch = SIGN_SCRATCH.get();
        // One spare column of sums: an odd last column runs paired with itself, its twin's sums going there.
        float[] acc = scratch.sums((n + 1) * SIGN_ROWS);
        float[] staged = scratch.staged;
        float[] tables = scratch.tables;
        for (int i0 = 0; i0 < m; i0 += SIGN_ROWS) {
            int rows = Math.min(SIGN_ROWS, m - i0);
            Arrays.fill(acc, 0, n * SIGN_ROWS, 0f);
            for (int g0 = 0; g0 < groups; g0 += SIGN_GROUPS) {
                int count = Math.min(SIGN_GROUPS, groups - g0);
                for (int g = 0; g < count; g++) {
                    int p = SignMatrix.GROUP * (g0 + g);
                    int to = g << SIGN_TABLE_SHIFT;
                    if (rows == SIGN_ROWS && p + SignMatrix.GROUP <= k) {
                        signTables(a, aOff + p * lda + i0, lda, tables, to);
                    } else {
                        stage(a, aOff + i0, lda, rows, p, k, staged, SIGN_ROWS);
                        signTables(staged, 0, SIGN_ROWS, tables, to);
                    }
                }
                addEntries(s.codes, groups, g0, count, n, tables, acc);
            }
            for (int r = 0; r < rows; r++) {
                int row = cOff + (i0 + r) * ldc;
                for (int j = 0; j < n; j++) {
                    c[row + j] = acc[(j << SIGN_ROW_SHIFT) + r];
                }
            }
        }
    }

    /**
     * Columns p…p+3 of column-major A for {@code rows} rows from {@code from}, 0 past k and past the rows, into four
     * lane rows of {@code laneRows} each: a sign product's last, partial group or pass.
     */
    static void stage(float[] a, int from, int lda, int rows, int p, int k, float[] out, int laneRows) {
        Arrays.fill(out, 0f);
        for (int t = 0; t < SignMatrix.GROUP && p + t < k; t++) {
            System.arraycopy(a, from + (p + t) * lda, out, t * laneRows, rows);
        }
    }

    /** One group's table for all lanes, from four lane rows {@code stride} apart. */
    private static void signTables(float[] src, int at, int stride, float[] tables, int to) {
        for (int v = 0; v < SIGN_ROWS; v += FL) {
            signTable(src, at + v, stride, tables, to + v);
        }
    }

    /** One vector of lanes of one group's table ({@link SignMatrix#table}'s operations lane by lane). */
    private static void signTable(float[] src, int at, int stride, float[] tables, int to) {
        FloatVector a0 = FloatVector.fromArray(FS, src, at);
        FloatVector a1 = FloatVector.fromArray(FS, src, at + stride);
        FloatVector a2 = FloatVector.fromArray(FS, src, at + 2 * stride);
        FloatVector a3 = FloatVector.fromArray(FS, src, at + 3 * stride);
        FloatVector n0 = a0.neg();
        FloatVector u0 = n0.sub(a1);
        FloatVector u1 = a0.sub(a1);
        FloatVector u2 = n0.add(a1);
        FloatVector u3 = a0.add(a1);
        FloatVector v0 = a2.neg().sub(a3);
        FloatVector v1 = a2.sub(a3);
        signEntry(u0.add(v0), tables, to, 0);
        signEntry(u1.add(v0), tables, to, 1);
        signEntry(u2.add(v0), tables, to, 2);
        signEntry(u3.add(v0), tables, to, 3);
        signEntry(u0.add(v1), tables, to, 4);
        signEntry(u1.add(v1), tables, to, 5);
        signEntry(u2.add(v1), tables, to, 6);
        signEntry(u3.add(v1), tables, to, 7);
    }

    private static void signEntry(FloatVector value, float[] tables, int to, int code) {
        value.intoArray(tables, to + (code << SIGN_ROW_SHIFT));
        value.neg().intoArray(tables, to + ((SignMatrix.TABLE - 1 - code) << SIGN_ROW_SHIFT));
    }

    /**
     * The entries of groups {@code g0} to {@code g0 + count − 1} added into the sums of all n columns, two columns at
     * a time into eight accumulators; an odd last column runs paired with itself, its twin's sums going to the spare
     * column. The same shape as {@link PanamaShortKernels}'s twin, where one call per pair of columns cost about a
     * tenth of the loop's time; here, with sixteen groups a block, the two forms measured level.
     */
    private static void addEntries(byte[] codes, int groups, int g0, int count, int n, float[] tables, float[] acc) {
        for (int j = 0; j < n; j += 2) {
            int c0 = j * groups + g0;
            int c1 = j + 1 < n ? c0 + groups : c0;
            int at = j << SIGN_ROW_SHIFT;
            int at1 = at + SIGN_ROWS;
            FloatVector s00 = FloatVector.fromArray(FS, acc, at);
            FloatVector s01 = FloatVector.fromArray(FS, acc, at + FL);
            FloatVector s02 = FloatVector.fromArray(FS, acc, at + 2 * FL);
            FloatVector s03 = FloatVector.fromArray(FS, acc, at + 3 * FL);
            FloatVector s10 = FloatVector.fromArray(FS, acc, at1);
            FloatVector s11 = FloatVector.fromArray(FS, acc, at1 + FL);
            FloatVector s12 = FloatVector.fromArray(FS, acc, at1 + 2 * FL);
            FloatVector s13 = FloatVector.fromArray(FS, acc, at1 + 3 * FL);
            for (int g = 0; g < count; g++) {
                int t = g << SIGN_TABLE_SHIFT;
                int e0 = t + (codes[c0 + g] << SIGN_ROW_SHIFT);
                int e1 = t + (codes[c1 + g] << SIGN_ROW_SHIFT);
                s00 = s00.add(FloatVector.fromArray(FS, tables, e0));
                s01 = s01.add(FloatVector.fromArray(FS, tables, e0 + FL));
                s02 = s02.add(FloatVector.fromArray(FS, tables, e0 + 2 * FL));
                s03 = s03.add(FloatVector.fromArray(FS, tables, e0 + 3 * FL));
                s10 = s10.add(FloatVector.fromArray(FS, tables, e1));
                s11 = s11.add(FloatVector.fromArray(FS, tables, e1 + FL));
                s12 = s12.add(FloatVector.fromArray(FS, tables, e1 + 2 * FL));
                s13 = s13.add(FloatVector.fromArray(FS, tables, e1 + 3 * FL));
            }
            s00.intoArray(acc, at);
            s01.intoArray(acc, at + FL);
            s02.intoArray(acc, at + 2 * FL);
            s03.intoArray(acc, at + 3 * FL);
            s10.intoArray(acc, at1);
            s11.intoArray(acc, at1 + FL);
            s12.intoArray(acc, at1 + 2 * FL);
            s13.intoArray(acc, at1 + 3 * FL);
        }
    }

    /** A thread's arrays for {@link #signProduct}: a staged group, a block's tables, and the sums. */
    private static final class SignScratch {
        final float[] staged = new float[SignMatrix.GROUP * SIGN_ROWS];
        final float[] tables = new float[SIGN_GROUPS * SignMatrix.TABLE * SIGN_ROWS];
        private float[] sums = new float[0];

        float[] sums(int size) {
            if (sums.length < size) {
                sums = new float[size];
            }
            return sums;
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Sign update

    /**
     * In float lanes, without converting to double: for a float drive d and x = ±1, {@code d + x·diag > 0} in double
     * exactly when {@code d > −x·diag} (the double sum of nonzero exact value is rounded to a nonzero of the same
     * sign), and for a double T and float d, {@code d > T} exactly when d is at least the smallest float above T. Two
     * such thresholds per call, one for each value of x, give the scalar reference's signs bit for bit.
     */
    @Override
    public boolean signStep(float[] drive, int dOff, double diag, float[] x, int xOff, int n) {
        FloatVector abovePlus = FloatVector.broadcast(FS, FloatThresholds.smallestAbove(-diag));
        FloatVector aboveMinus = FloatVector.broadcast(FS, FloatThresholds.smallestAbove(diag));
        FloatVector plus = FloatVector.broadcast(FS, 1f);
        FloatVector minus = FloatVector.broadcast(FS, -1f);
        VectorMask<Float> differ = FS.maskAll(false);
        int j = 0;
        for (; j + FL <= n; j += FL) {
            FloatVector old = FloatVector.fromArray(FS, x, xOff + j);
            FloatVector threshold = aboveMinus.blend(abovePlus, old.compare(VectorOperators.GT, 0f));
            FloatVector next = minus.blend(plus,
                    FloatVector.fromArray(FS, drive, dOff + j).compare(VectorOperators.GE, threshold));
            differ = differ.or(next.compare(VectorOperators.NE, old));
            next.intoArray(x, xOff + j);
        }
        boolean changed = differ.anyTrue();
        for (; j < n; j++) {
            float old = x[xOff + j];
            float next = Vectors.signOf(drive[dOff + j] + old * diag);
            changed |= Float.floatToRawIntBits(old) != Float.floatToRawIntBits(next);
            x[xOff + j] = next;
        }
        return changed;
    }

    @Override
    public void absColumnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, float[] maxima) {
        PanamaShortKernels.absColumnSums(rows, cols, a, aOff, lda, sums, maxima);
    }

    @Override
    public void signProductRounded(int m, float[] a, int aOff, int lda, float[] scale, SignMatrix s, float[] c,
                                   int cOff, int ldc, float[] error) {
        PanamaShortKernels.signProductRounded(m, a, aOff, lda, scale, s, c, cOff, ldc, error);
    }

    @Override
    public int bandedSignStep(float[] drive, int dOff, double diag, double band, float[] x, int xOff, int n) {
        return PanamaShortKernels.bandedSignStep(drive, dOff, diag, band, x, xOff, n);
    }

    // -----------------------------------------------------------------------------------------------------------
    // Drives and their derivatives, vectorised over memories, in double

    // For degrees up to SHORT_POW the loops below take two vectors of memories a step and write each power as
    // straight-line multiplications x·x·…·x (shortPow): the products of PolynomialShape.pow without its leading 1·x,
    // which is exact, so results are unchanged. Straight code keeps each loop innermost, which lets C2 hoist the
    // array bounds checks and interleave the chains; a power loop inside kept the checks in and ran 2-3x slower.
    // The plain polynomial skips the compare and blend (a loop-invariant test that C2 unswitches). Higher degrees
    // take the one-vector loops with the power loop.

    /** The highest degree the two-vector loops take. */
    private static final int SHORT_POW = 6;

    /**
     * x^e for 0 ≤ e ≤ {@link #SHORT_POW} as ((x·x)·x)…, {@code one} for e = 0: the products of
     * {@link PolynomialShape#pow} in its order, without its exact leading 1·x. Branches on e only.
     */
    private static DoubleVector shortPow(DoubleVector x, int e, DoubleVector one) {
        DoubleVector r = e > 0 ? x : one;
        if (e > 1) {
            r = r.mul(x);
        }
        if (e > 2) {
            r = r.mul(x);
        }
        if (e > 3) {
            r = r.mul(x);
        }
        if (e > 4) {
            r = r.mul(x);
        }
        if (e > 5) {
            r = r.mul(x);
        }
        return r;
    }

    @Override
    public double driveSum(PolynomialShape f, double s, double[] m, int mOff, double[] w, int wOff, double x, int k) {
        int n = f.degree();
        PolynomialShape.Kind kind = f.kind();
        DoubleVector sv = DoubleVector.broadcast(DS, s);
        DoubleVector xv = DoubleVector.broadcast(DS, x);
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        DoubleVector zero = DoubleVector.zero(DS);
        DoubleVector slope = DoubleVector.broadcast(DS, slope(kind));
        boolean plain = kind == PolynomialShape.Kind.PLAIN;
        DoubleVector acc0 = zero;
        DoubleVector acc1 = zero;
        int mu = 0;
        int end = n <= SHORT_POW ? k : 0;
        for (; mu + 2 * DL <= end; mu += 2 * DL) {
            DoubleVector w0 = DoubleVector.fromArray(DS, w, wOff + mu);
            DoubleVector w1 = DoubleVector.fromArray(DS, w, wOff + mu + DL);
            DoubleVector c0 = DoubleVector.fromArray(DS, m, mOff + mu).sub(w0.mul(xv));
            DoubleVector c1 = DoubleVector.fromArray(DS, m, mOff + mu + DL).sub(w1.mul(xv));
            DoubleVector p0 = c0.add(w0).mul(sv);
            DoubleVector q0 = c0.sub(w0).mul(sv);
            DoubleVector p1 = c1.add(w1).mul(sv);
            DoubleVector q1 = c1.sub(w1).mul(sv);
            DoubleVector fp0 = shortPow(p0, n, one);
            DoubleVector fq0 = shortPow(q0, n, one);
            DoubleVector fp1 = shortPow(p1, n, one);
            DoubleVector fq1 = shortPow(q1, n, one);
            if (!plain) {
                fp0 = p0.mul(slope).blend(fp0, p0.compare(VectorOperators.GT, zero));
                fq0 = q0.mul(slope).blend(fq0, q0.compare(VectorOperators.GT, zero));
                fp1 = p1.mul(slope).blend(fp1, p1.compare(VectorOperators.GT, zero));
                fq1 = q1.mul(slope).blend(fq1, q1.compare(VectorOperators.GT, zero));
            }
            acc0 = acc0.add(fp0.sub(fq0));
            acc1 = acc1.add(fp1.sub(fq1));
        }
        for (; mu + DL <= k; mu += DL) {
            acc0 = acc0.add(driveTerm(kind, n, sv, m, mOff + mu, w, wOff + mu, x));
        }
        double total = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; mu < k; mu++) {
            double wv = w[wOff + mu];
            double c = m[mOff + mu] - wv * x;
            total += f.value(s * (c + wv)) - f.value(s * (c - wv));
        }
        return total;
    }

    private static DoubleVector driveTerm(PolynomialShape.Kind kind, int n, DoubleVector sv, double[] m, int mAt,
                                          double[] w, int wAt, double x) {
        DoubleVector wv = DoubleVector.fromArray(DS, w, wAt);
        DoubleVector c = DoubleVector.fromArray(DS, m, mAt).sub(wv.mul(x));
        return value(kind, n, c.add(wv).mul(sv)).sub(value(kind, n, c.sub(wv).mul(sv)));
    }

    @Override
    public void derivativeTerms(PolynomialShape f, double s, double[] m, int mOff, double[] w, int wOff, double x,
                                int k, double[] diff, double[] sum, int o) {
        int n = f.degree();
        PolynomialShape.Kind kind = f.kind();
        DoubleVector sv = DoubleVector.broadcast(DS, s);
        DoubleVector xv = DoubleVector.broadcast(DS, x);
        DoubleVector nv = DoubleVector.broadcast(DS, n);
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        DoubleVector zero = DoubleVector.zero(DS);
        DoubleVector slope = DoubleVector.broadcast(DS, slope(kind));
        boolean plain = kind == PolynomialShape.Kind.PLAIN;
        int mu = 0;
        int end = n <= SHORT_POW ? k : 0;
        for (; mu + 2 * DL <= end; mu += 2 * DL) {
            DoubleVector w0 = DoubleVector.fromArray(DS, w, wOff + mu);
            DoubleVector w1 = DoubleVector.fromArray(DS, w, wOff + mu + DL);
            DoubleVector c0 = DoubleVector.fromArray(DS, m, mOff + mu).sub(w0.mul(xv));
            DoubleVector c1 = DoubleVector.fromArray(DS, m, mOff + mu + DL).sub(w1.mul(xv));
            DoubleVector p0 = c0.add(w0).mul(sv);
            DoubleVector q0 = c0.sub(w0).mul(sv);
            DoubleVector p1 = c1.add(w1).mul(sv);
            DoubleVector q1 = c1.sub(w1).mul(sv);
            DoubleVector dp0 = shortPow(p0, n - 1, one).mul(nv);
            DoubleVector dq0 = shortPow(q0, n - 1, one).mul(nv);
            DoubleVector dp1 = shortPow(p1, n - 1, one).mul(nv);
            DoubleVector dq1 = shortPow(q1, n - 1, one).mul(nv);
            if (!plain) {
                dp0 = slope.blend(dp0, p0.compare(VectorOperators.GT, zero));
                dq0 = slope.blend(dq0, q0.compare(VectorOperators.GT, zero));
                dp1 = slope.blend(dp1, p1.compare(VectorOperators.GT, zero));
                dq1 = slope.blend(dq1, q1.compare(VectorOperators.GT, zero));
            }
            dp0.sub(dq0).intoArray(diff, o + mu);
            dp0.add(dq0).intoArray(sum, o + mu);
            dp1.sub(dq1).intoArray(diff, o + mu + DL);
            dp1.add(dq1).intoArray(sum, o + mu + DL);
        }
        for (; mu + DL <= k; mu += DL) {
            DoubleVector wv = DoubleVector.fromArray(DS, w, wOff + mu);
            DoubleVector c = DoubleVector.fromArray(DS, m, mOff + mu).sub(wv.mul(x));
            DoubleVector plus = derivative(kind, n, c.add(wv).mul(sv));
            DoubleVector minus = derivative(kind, n, c.sub(wv).mul(sv));
            plus.sub(minus).intoArray(diff, o + mu);
            plus.add(minus).intoArray(sum, o + mu);
        }
        for (; mu < k; mu++) {
            double wv = w[wOff + mu];
            double c = m[mOff + mu] - wv * x;
            double plus = f.derivative(s * (c + wv));
            double minus = f.derivative(s * (c - wv));
            diff[o + mu] = plus - minus;
            sum[o + mu] = plus + minus;
        }
    }

    @Override
    public double bipolarTerms(PolynomialShape f, double s, double[] m, double[] fm, double[] dfm, double[] w,
                               int wOff, double x, int k, double[] diff, double[] sum) {
        int n = f.degree();
        PolynomialShape.Kind kind = f.kind();
        DoubleVector sv = DoubleVector.broadcast(DS, s);
        DoubleVector xv = DoubleVector.broadcast(DS, x);
        DoubleVector twoXv = DoubleVector.broadcast(DS, 2 * x);
        DoubleVector nv = DoubleVector.broadcast(DS, n);
        DoubleVector one = DoubleVector.broadcast(DS, 1.0);
        DoubleVector zero = DoubleVector.zero(DS);
        DoubleVector slope = DoubleVector.broadcast(DS, slope(kind));
        boolean plain = kind == PolynomialShape.Kind.PLAIN;
        double twoX = 2 * x;
        DoubleVector acc0 = zero;
        DoubleVector acc1 = zero;
        int mu = 0;
        int end = n <= SHORT_POW ? k : 0;
        for (; mu + 2 * DL <= end; mu += 2 * DL) {
            DoubleVector t0 = DoubleVector.fromArray(DS, m, mu)
                    .sub(DoubleVector.fromArray(DS, w, wOff + mu).mul(twoXv)).mul(sv);
            DoubleVector t1 = DoubleVector.fromArray(DS, m, mu + DL)
                    .sub(DoubleVector.fromArray(DS, w, wOff + mu + DL).mul(twoXv)).mul(sv);
            DoubleVector p0 = shortPow(t0, n - 1, one);
            DoubleVector p1 = shortPow(t1, n - 1, one);
            DoubleVector value0 = p0.mul(t0);
            DoubleVector value1 = p1.mul(t1);
            DoubleVector derivative0 = p0.mul(nv);
            DoubleVector derivative1 = p1.mul(nv);
            if (!plain) {
                VectorMask<Double> upper0 = t0.compare(VectorOperators.GT, zero);
                VectorMask<Double> upper1 = t1.compare(VectorOperators.GT, zero);
                value0 = t0.mul(slope).blend(value0, upper0);
                value1 = t1.mul(slope).blend(value1, upper1);
                derivative0 = slope.blend(derivative0, upper0);
                derivative1 = slope.blend(derivative1, upper1);
            }
            DoubleVector dfm0 = DoubleVector.fromArray(DS, dfm, mu);
            DoubleVector dfm1 = DoubleVector.fromArray(DS, dfm, mu + DL);
            acc0 = acc0.add(DoubleVector.fromArray(DS, fm, mu).sub(value0));
            acc1 = acc1.add(DoubleVector.fromArray(DS, fm, mu + DL).sub(value1));
            dfm0.sub(derivative0).mul(xv).intoArray(diff, mu);
            dfm1.sub(derivative1).mul(xv).intoArray(diff, mu + DL);
            dfm0.add(derivative0).intoArray(sum, mu);
            dfm1.add(derivative1).intoArray(sum, mu + DL);
        }
        double threshold = threshold(kind);
        for (; mu + DL <= k; mu += DL) {
            DoubleVector t = DoubleVector.fromArray(DS, m, mu)
                    .sub(DoubleVector.fromArray(DS, w, wOff + mu).mul(twoX)).mul(sv);
            VectorMask<Double> upper = t.compare(VectorOperators.GT, threshold);
            DoubleVector p = pow(t, n - 1);
            DoubleVector value = t.mul(slope(kind)).blend(p.mul(t), upper);
            DoubleVector derivative = slope.blend(p.mul(n), upper);
            DoubleVector dfmv = DoubleVector.fromArray(DS, dfm, mu);
            acc0 = acc0.add(DoubleVector.fromArray(DS, fm, mu).sub(value));
            dfmv.sub(derivative).mul(x).intoArray(diff, mu);
            dfmv.add(derivative).intoArray(sum, mu);
        }
        double total = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; mu < k; mu++) {
            double t = s * (m[mu] - twoX * w[wOff + mu]);
            double dt = f.derivative(t);
            total += fm[mu] - f.value(t);
            diff[mu] = x * (dfm[mu] - dt);
            sum[mu] = dfm[mu] + dt;
        }
        return x * total;
    }

    // F and F' without branches on vectors (C2 keeps vectors in registers only through straight code and simple
    // loops): x ≤ 0 takes slope·x (value) or slope (derivative), selected by a blend on a mask whose threshold is
    // −∞ for the plain polynomial.

    private static double threshold(PolynomialShape.Kind kind) {
        return kind == PolynomialShape.Kind.PLAIN ? Double.NEGATIVE_INFINITY : 0.0;
    }

    private static double slope(PolynomialShape.Kind kind) {
        return kind == PolynomialShape.Kind.LEAKY ? PolynomialShape.LEAK : 0.0;
    }

    private static DoubleVector value(PolynomialShape.Kind kind, int n, DoubleVector x) {
        VectorMask<Double> upper = x.compare(VectorOperators.GT, threshold(kind));
        return x.mul(slope(kind)).blend(pow(x, n), upper);
    }

    private static DoubleVector derivative(PolynomialShape.Kind kind, int n, DoubleVector x) {
        VectorMask<Double> upper = x.compare(VectorOperators.GT, threshold(kind));
        return DoubleVector.broadcast(DS, slope(kind)).blend(pow(x, n - 1).mul(n), upper);
    }

    /** xⁿ by repeated multiplication: the same products, in the same order, as {@link PolynomialShape#pow}. */
    private static DoubleVector pow(DoubleVector x, int n) {
        DoubleVector result = DoubleVector.broadcast(DS, 1.0);
        for (int e = 0; e < n; e++) {
            result = result.mul(x);
        }
        return result;
    }

    @Override
    public String toString() {
        return NAME + "(" + bitWidth() + " bit)";
    }
}
