package dev.damsel.core.vector;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The optional native backend: {@link #gemm} is OpenBLAS's {@code cblas_sgemm}; every other kernel is the Panama one
 * (or the scalar reference when Panama cannot load, logged). Like {@code PanamaVectorOps} it is never referenced
 * statically: {@link VectorOpsProvider} loads it by name when {@code -Ddamsel.vector=openblas} asks for it, so core
 * runs without the OpenBLAS and JavaCPP jars, which are optional dependencies of core.
 *
 * <p><b>Memory.</b> OpenBLAS reads off-heap memory only. Each thread keeps three off-heap buffers (A, B, C) that grow
 * when a product needs more and are never allocated per call; a product copies A, B and C in with bulk puts (row by
 * row when a leading dimension is wider than the row), runs {@code C = A·B + 1·C} there and copies C back. The
 * copies are O(mk + kn + mn) against the product's O(mkn).
 *
 * <p><b>Threads.</b> By default OpenBLAS runs on one thread and every thread of a product is one of damsel's.
 * damsel already spreads its work (probe blocks) over {@link Parallel}'s pool, where nested OpenBLAS threads would
 * oversubscribe the cores; and OpenBLAS's own threading changes the last bits of results with its thread count
 * (tested), which would make results depend on {@code damsel.threads}. Instead a product of more than
 * {@link #blockRows blockRows(m)} rows is cut into blocks of rows fixed by m alone, which run on the pool when
 * called from outside it and one after the other inside it, so one large product still uses the cores damsel was
 * given and its result is the same for any thread count.
 *
 * <p>{@code -D}{@value #THREADS_PROPERTY}{@code =T} (T &gt; 1) trades that for OpenBLAS's own threading, which packs
 * each operand once and reaches numpy's product throughput on large products: every product is then one OpenBLAS call
 * on T OpenBLAS threads, set once at load. OpenBLAS splits a call by T and the shape alone, so results still do not
 * depend on {@code damsel.threads}, but they do depend on T, which is part of the backend's {@link #name()} (and so of
 * every run's provenance). Products called from several of damsel's threads at once then take turns on OpenBLAS's
 * threads: the two-product step, whose probe blocks each make one, ran at about half its one-thread speed at N = 256
 * in that mode, which is meant for large single products.
 *
 * <p><b>Rows are not independent.</b> OpenBLAS's kernels take the rows of C in groups (12 on this project's Zen 3
 * machines) and round a row differently by its place in its group, so a row's result depends on where it lies in its
 * call: {@link #gemmRowsIndependent()} is false, and callers that split rows by the thread count split by a fixed
 * size instead when they run on this backend. Results still never depend on the thread count; they may differ in
 * the last bits from the Panama and scalar kernels'.
 */
final class NativeBlasVectorOps implements VectorOps {
    static final String NAME = "openblas";
    private static final Logger LOG = LogManager.getLogger(NativeBlasVectorOps.class);
    /** The system property that sets OpenBLAS's own thread count (default 1). */
    static final String THREADS_PROPERTY = "damsel.openblas.threads";
    /** The most OpenBLAS threads {@value #THREADS_PROPERTY} may ask for. */
    static final int MAX_THREADS = 256;
    /** The fewest rows in one block of a product cut into blocks. */
    static final int MIN_BLOCK_ROWS = 64;

    private final VectorOps delegate;
    private final int blasThreads;
    private final ThreadLocal<Buffers> buffers = ThreadLocal.withInitial(Buffers::new);

    /** Loads OpenBLAS with the thread count {@value #THREADS_PROPERTY} asks for; throws with the reason when it cannot. */
    NativeBlasVectorOps() {
        this(threadsFromProperty(System.getProperty(THREADS_PROPERTY)));
    }

    /** Loads OpenBLAS to run each product on {@code blasThreads} OpenBLAS threads (1: damsel's row blocks instead). */
    NativeBlasVectorOps(int blasThreads) {
        if (blasThreads < 1 || blasThreads > MAX_THREADS) {
            throw new IllegalArgumentException("OpenBLAS threads must be in [1, " + MAX_THREADS + "], got "
                    + blasThreads);
        }
        this.blasThreads = blasThreads;
        try {
            Loader.load(openblas_nolapack.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            throw new IllegalStateException("its native library does not load on this machine ("
                    + String.valueOf(e.getMessage()).replace('\n', ' ') + ")", e);
        }
        openblas_nolapack.blas_set_num_threads(blasThreads);
        var panama = VectorOpsProvider.loadPanama();
        if (panama.isPresent()) {
            delegate = panama.get();
        } else {
            LOG.warn("vector kernels: openblas gemm with scalar kernels for the rest: {}",
                    VectorOpsProvider.whyNotPanama());
            delegate = new ScalarVectorOps();
        }
    }

    /** {@code openblas}, or {@code openblas-T-threads} when each product runs on T &gt; 1 OpenBLAS threads. */
    @Override
    public String name() {
        return blasThreads == 1 ? NAME : NAME + "-" + blasThreads + "-threads";
    }

    /** The value of {@value #THREADS_PROPERTY} (blank: 1), or an error naming the property and its range. */
    static int threadsFromProperty(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int threads = Integer.parseInt(value.trim());
            if (threads >= 1 && threads <= MAX_THREADS) {
                return threads;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + THREADS_PROPERTY + " must be a whole number in [1, " + MAX_THREADS
                + "], got '" + value.trim() + "'");
    }

    /** The width of the kernels other than gemm (Panama's, or 0 when they are the scalar ones). */
    @Override
    public int bitWidth() {
        return delegate.bitWidth();
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        return delegate.dot(a, aOff, b, bOff, n);
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        return delegate.dot(a, aOff, b, bOff, n);
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        delegate.axpy(alpha, x, xOff, y, yOff, n);
    }

    @Override
    public void accumulateTerms(double delta, double x, double[] diff, double[] sum, double[] sumD, double[] cols,
                                int colOff, int k) {
        delegate.accumulateTerms(delta, x, diff, sum, sumD, cols, colOff, k);
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        FloatPointer pb = buffers.get().b((long) k * n);
        copyIn(b, bOff, ldb, k, n, pb, n);
        gemm(m, n, k, a, aOff, lda, pb, c, cOff, ldc);
    }

    /**
     * The same as {@link #gemm}, which already spreads a large product over the threads (damsel's row blocks, or
     * OpenBLAS's own) with B copied off-heap once: the default's split into one call per block would copy B per block.
     */
    @Override
    public void gemmParallel(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                             float[] c, int cOff, int ldc) {
        gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    }

    /** B copied off-heap once; the products read that copy instead of copying B per call. */
    @Override
    public PreparedMatrix prepare(int k, int n, float[] b, int bOff, int ldb) {
        if (k == 0 || n == 0) {
            return VectorOps.super.prepare(k, n, b, bOff, ldb);
        }
        FloatPointer pb = new FloatPointer((long) k * n);
        copyIn(b, bOff, ldb, k, n, pb, n);
        return new PreparedMatrix(k, n, b, bOff, ldb, pb);
    }

    @Override
    public void gemm(int m, float[] a, int aOff, int lda, PreparedMatrix b, float[] c, int cOff, int ldc) {
        if (m == 0 || !(b.packed instanceof FloatPointer pb)) {
            VectorOps.super.gemm(m, a, aOff, lda, b, c, cOff, ldc);
            return;
        }
        gemm(m, b.cols, b.rows, a, aOff, lda, pb, c, cOff, ldc);
    }

    /** C += A·B with B (k×n, dense) already off-heap in {@code pb}, read only (so threads may share it). */
    private void gemm(int m, int n, int k, float[] a, int aOff, int lda, FloatPointer pb, float[] c, int cOff,
                      int ldc) {
        Buffers buf = buffers.get();
        FloatPointer pa = buf.a((long) m * k);
        FloatPointer pc = buf.c((long) m * n);
        int per = blasThreads > 1 ? m : blockRows(m);
        if (per >= m) {
            product(m, n, k, a, aOff, lda, c, cOff, ldc, 0, m, pa, pb, pc);
        } else {
            // Blocks fixed by m alone, on the pool (inline when this is already one of its threads); each block copies
            // its own rows of A and C in the calling thread's buffers.
            Parallel.forEach((m + per - 1) / per, block -> {
                int from = block * per;
                product(m, n, k, a, aOff, lda, c, cOff, ldc, from, Math.min(m, from + per), pa, pb, pc);
            });
        }
    }

    /** Rows [from, to) of C += A·B, B already in {@code pb}. */
    private static void product(int m, int n, int k, float[] a, int aOff, int lda, float[] c, int cOff, int ldc,
                                int from, int to, FloatPointer pa, FloatPointer pb, FloatPointer pc) {
        int rows = to - from;
        // A block's own views of the shared buffers (no copy, no allocation of memory), so no position is shared.
        FloatPointer blockA = from == 0 && to == m ? pa : new FloatPointer(pa).position((long) from * k);
        FloatPointer blockC = from == 0 && to == m ? pc : new FloatPointer(pc).position((long) from * n);
        copyIn(a, aOff + from * lda, lda, rows, k, blockA, k);
        copyIn(c, cOff + from * ldc, ldc, rows, n, blockC, n);
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, openblas_nolapack.CblasNoTrans,
                openblas_nolapack.CblasNoTrans, rows, n, k, 1f, blockA, k, pb, n, 1f, blockC, n);
        copyOut(blockC, rows, n, c, cOff + from * ldc, ldc, n);
    }

    /** False: OpenBLAS rounds a row by its place in the kernel's group of rows (see the class comment). */
    @Override
    public boolean gemmRowsIndependent() {
        return false;
    }

    /**
     * Rows per block of a product of m rows: a function of m alone, at least {@value #MIN_BLOCK_ROWS} (OpenBLAS packs
     * B once per block), and at most eight blocks.
     */
    static int blockRows(int rows) {
        return Math.max(MIN_BLOCK_ROWS, (rows + 7) / 8);
    }

    @Override
    public void packSigns(float[] x, int off, int n, long[] out, int outOff) {
        delegate.packSigns(x, off, n, out, outOff);
    }

    @Override
    public boolean allBipolar(float[] x, int off, int n) {
        return delegate.allBipolar(x, off, n);
    }

    @Override
    public void bitOverlapsMapped(long[] a, int aOff, int rowsA, long[] b, int rowsB, int n, float[] first,
                                  double[] second, float[] out, int outOff, double[] sums) {
        delegate.bitOverlapsMapped(a, aOff, rowsA, b, rowsB, n, first, second, out, outOff, sums);
    }

    @Override
    public void signProduct(int m, float[] a, int aOff, int lda, SignMatrix s, float[] c, int cOff, int ldc) {
        delegate.signProduct(m, a, aOff, lda, s, c, cOff, ldc);
    }

    @Override
    public void absColumnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, float[] maxima) {
        delegate.absColumnSums(rows, cols, a, aOff, lda, sums, maxima);
    }

    @Override
    public void signProductRounded(int m, float[] a, int aOff, int lda, float[] scale, SignMatrix s, float[] c,
                                   int cOff, int ldc, float[] error) {
        delegate.signProductRounded(m, a, aOff, lda, scale, s, c, cOff, ldc, error);
    }

    @Override
    public int bandedSignStep(float[] drive, int dOff, double diag, double band, float[] x, int xOff, int n) {
        return delegate.bandedSignStep(drive, dOff, diag, band, x, xOff, n);
    }

    @Override
    public boolean signStep(float[] drive, int dOff, double diag, float[] x, int xOff, int n) {
        return delegate.signStep(drive, dOff, diag, x, xOff, n);
    }

    @Override
    public double driveSum(PolynomialShape f, double s, double[] m, int mOff, double[] w, int wOff, double x, int k) {
        return delegate.driveSum(f, s, m, mOff, w, wOff, x, k);
    }

    @Override
    public void derivativeTerms(PolynomialShape f, double s, double[] m, int mOff, double[] w, int wOff, double x,
                                int k, double[] diff, double[] sum, int o) {
        delegate.derivativeTerms(f, s, m, mOff, w, wOff, x, k, diff, sum, o);
    }

    @Override
    public double bipolarTerms(PolynomialShape f, double s, double[] m, double[] fm, double[] dfm, double[] w,
                               int wOff, double x, int k, double[] diff, double[] sum) {
        return delegate.bipolarTerms(f, s, m, fm, dfm, w, wOff, x, k, diff, sum);
    }

    @Override
    public String toString() {
        return name() + " (gemm) + " + delegate;
    }

    /**
     * The rows × cols matrix at {@code off} (leading dimension ld) into {@code out}, from its position, width floats a
     * row. The pointer's position is left as it was.
     */
    private static void copyIn(float[] data, int off, int ld, int rows, int cols, FloatPointer out, int width) {
        long base = out.position();
        if (ld == cols && width == cols) {
            out.put(data, off, rows * cols);
        } else {
            for (int r = 0; r < rows; r++) {
                out.position(base + (long) r * width).put(data, off + r * ld, cols);
            }
            out.position(base);
        }
    }

    private static void copyOut(FloatPointer in, int rows, int cols, float[] data, int off, int ld, int width) {
        long base = in.position();
        if (ld == cols && width == cols) {
            in.get(data, off, rows * cols);
        } else {
            for (int r = 0; r < rows; r++) {
                in.position(base + (long) r * width).get(data, off + r * ld, cols);
            }
            in.position(base);
        }
    }

    /** One thread's off-heap operands; each grows (at least doubling) when a product needs more. */
    private static final class Buffers {
        private FloatPointer a;
        private FloatPointer b;
        private FloatPointer c;

        FloatPointer a(long size) {
            a = fit(a, size);
            return a;
        }

        FloatPointer b(long size) {
            b = fit(b, size);
            return b;
        }

        FloatPointer c(long size) {
            c = fit(c, size);
            return c;
        }

        private static FloatPointer fit(FloatPointer buffer, long size) {
            if (buffer != null && buffer.capacity() >= size) {
                return buffer;
            }
            long capacity = size;
            if (buffer != null) {
                capacity = Math.max(size, 2 * buffer.capacity());
                buffer.deallocate();
            }
            return new FloatPointer(capacity);
        }
    }
}
