package dev.damsel.core.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the Vector API ({@code jdk.incubator.vector}), at the platform's preferred species. Never referenced
 * statically: {@link VectorOpsProvider} loads it by name, so that the rest of damsel runs without the incubator
 * module. Every kernel ends in a scalar tail.
 *
 * <p>The matrix product packs B into panels of {@link #NR} columns × {@link #KC} rows (thread-local, sized once) and
 * runs a 4 × 3-vector register block over them, accumulating each k-block with fused multiply-adds from zero and then
 * adding it into C: the same operations for every element whatever block its row falls in.
 */
final class PanamaVectorOps implements VectorOps {
    static final String NAME = "panama";
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final int FL = FS.length();
    private static final int DL = DS.length();
    /** Rows of the register block. */
    private static final int MR = 4;
    /** Columns of the register block and of a packed panel: three vectors. */
    static final int NR = 3 * FL;
    /** Rows of B packed at a time. */
    static final int KC = 256;
    /** Columns of B packed at a time: a multiple of {@link #NR}. */
    static final int NC = NR * 10;

    private static final ThreadLocal<float[]> PACKED = ThreadLocal.withInitial(() -> new float[KC * NC]);
    private static final ThreadLocal<float[]> TILE = ThreadLocal.withInitial(() -> new float[MR * NR]);

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

    // -----------------------------------------------------------------------------------------------------------
    // Matrix product

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc) {
        float[] packed = PACKED.get();
        float[] tile = TILE.get();
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            int panels = (nc + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                pack(b, bOff + pc * ldb + jc, ldb, kc, nc, packed);
                int i = 0;
                for (; i + MR <= m; i += MR) {
                    int aRow = aOff + i * lda + pc;
                    for (int q = 0; q < panels; q++) {
                        int width = Math.min(NR, nc - q * NR);
                        kernel4(a, aRow, lda, packed, q * kc * NR, kc, tile);
                        addTile(tile, MR, width, c, cOff + i * ldc + jc + q * NR, ldc);
                    }
                }
                for (; i < m; i++) {
                    int aRow = aOff + i * lda + pc;
                    for (int q = 0; q < panels; q++) {
                        int width = Math.min(NR, nc - q * NR);
                        kernel1(a, aRow, packed, q * kc * NR, kc, tile);
                        addTile(tile, 1, width, c, cOff + i * ldc + jc + q * NR, ldc);
                    }
                }
            }
        }
    }

    /** Packs B[0..kc) × [0..nc) (from {@code from}) into panels of NR columns, zero-padded, each kc × NR row-major. */
    private static void pack(float[] b, int from, int ldb, int kc, int nc, float[] packed) {
        int panels = (nc + NR - 1) / NR;
        for (int q = 0; q < panels; q++) {
            int j0 = q * NR;
            int width = Math.min(NR, nc - j0);
            int to = q * kc * NR;
            for (int p = 0; p < kc; p++) {
                int src = from + p * ldb + j0;
                int dst = to + p * NR;
                System.arraycopy(b, src, packed, dst, width);
                for (int j = width; j < NR; j++) {
                    packed[dst + j] = 0f;
                }
            }
        }
    }

    /** The 4 × NR block of A·B over one k-block into {@code tile}: no vector leaves the method but by a store. */
    private static void kernel4(float[] a, int aRow, int lda, float[] bp, int pOff, int kc, float[] tile) {
        FloatVector c00 = FloatVector.zero(FS);
        FloatVector c01 = FloatVector.zero(FS);
        FloatVector c02 = FloatVector.zero(FS);
        FloatVector c10 = FloatVector.zero(FS);
        FloatVector c11 = FloatVector.zero(FS);
        FloatVector c12 = FloatVector.zero(FS);
        FloatVector c20 = FloatVector.zero(FS);
        FloatVector c21 = FloatVector.zero(FS);
        FloatVector c22 = FloatVector.zero(FS);
        FloatVector c30 = FloatVector.zero(FS);
        FloatVector c31 = FloatVector.zero(FS);
        FloatVector c32 = FloatVector.zero(FS);
        int r0 = aRow;
        int r1 = aRow + lda;
        int r2 = aRow + 2 * lda;
        int r3 = aRow + 3 * lda;
        int pb = pOff;
        for (int p = 0; p < kc; p++, pb += NR) {
            FloatVector b0 = FloatVector.fromArray(FS, bp, pb);
            FloatVector b1 = FloatVector.fromArray(FS, bp, pb + FL);
            FloatVector b2 = FloatVector.fromArray(FS, bp, pb + 2 * FL);
            FloatVector x = FloatVector.broadcast(FS, a[r0 + p]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(FS, a[r1 + p]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(FS, a[r2 + p]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(FS, a[r3 + p]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            c32 = x.fma(b2, c32);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, FL);
        c02.intoArray(tile, 2 * FL);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + FL);
        c12.intoArray(tile, NR + 2 * FL);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + FL);
        c22.intoArray(tile, 2 * NR + 2 * FL);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + FL);
        c32.intoArray(tile, 3 * NR + 2 * FL);
    }

    private static void kernel1(float[] a, int aRow, float[] bp, int pOff, int kc, float[] tile) {
        FloatVector c0 = FloatVector.zero(FS);
        FloatVector c1 = FloatVector.zero(FS);
        FloatVector c2 = FloatVector.zero(FS);
        int pb = pOff;
        for (int p = 0; p < kc; p++, pb += NR) {
            FloatVector x = FloatVector.broadcast(FS, a[aRow + p]);
            c0 = x.fma(FloatVector.fromArray(FS, bp, pb), c0);
            c1 = x.fma(FloatVector.fromArray(FS, bp, pb + FL), c1);
            c2 = x.fma(FloatVector.fromArray(FS, bp, pb + 2 * FL), c2);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, FL);
        c2.intoArray(tile, 2 * FL);
    }

    /** C[rows × width] += tile (rows of NR). */
    private static void addTile(float[] tile, int rows, int width, float[] c, int cAt, int ldc) {
        for (int r = 0; r < rows; r++) {
            int at = cAt + r * ldc;
            int t = r * NR;
            int j = 0;
            for (; j + FL <= width; j += FL) {
                FloatVector.fromArray(FS, c, at + j).add(FloatVector.fromArray(FS, tile, t + j)).intoArray(c, at + j);
            }
            for (; j < width; j++) {
                c[at + j] += tile[t + j];
            }
        }
    }

    // -----------------------------------------------------------------------------------------------------------
    // Drives and their derivatives, vectorised over memories, in double

    @Override
    public double driveSum(PolynomialShape f, double s, double[] m, int mOff, double[] w, int wOff, double x, int k) {
        DoubleVector sv = DoubleVector.broadcast(DS, s);
        DoubleVector acc0 = DoubleVector.zero(DS);
        DoubleVector acc1 = DoubleVector.zero(DS);
        int n = f.degree();
        PolynomialShape.Kind kind = f.kind();
        int mu = 0;
        for (; mu + 2 * DL <= k; mu += 2 * DL) {
            acc0 = acc0.add(driveTerm(kind, n, sv, m, mOff + mu, w, wOff + mu, x));
            acc1 = acc1.add(driveTerm(kind, n, sv, m, mOff + mu + DL, w, wOff + mu + DL, x));
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
        DoubleVector sv = DoubleVector.broadcast(DS, s);
        int n = f.degree();
        PolynomialShape.Kind kind = f.kind();
        int mu = 0;
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
        DoubleVector slope = DoubleVector.broadcast(DS, slope(kind));
        double threshold = threshold(kind);
        double twoX = 2 * x;
        DoubleVector acc = DoubleVector.zero(DS);
        int mu = 0;
        for (; mu + DL <= k; mu += DL) {
            DoubleVector t = DoubleVector.fromArray(DS, m, mu)
                    .sub(DoubleVector.fromArray(DS, w, wOff + mu).mul(twoX)).mul(sv);
            VectorMask<Double> upper = t.compare(VectorOperators.GT, threshold);
            DoubleVector p = pow(t, n - 1);
            DoubleVector value = t.mul(slope(kind)).blend(p.mul(t), upper);
            DoubleVector derivative = slope.blend(p.mul(n), upper);
            DoubleVector dfmv = DoubleVector.fromArray(DS, dfm, mu);
            acc = acc.add(DoubleVector.fromArray(DS, fm, mu).sub(value));
            dfmv.sub(derivative).mul(x).intoArray(diff, mu);
            dfmv.add(derivative).intoArray(sum, mu);
        }
        double total = acc.reduceLanes(VectorOperators.ADD);
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
