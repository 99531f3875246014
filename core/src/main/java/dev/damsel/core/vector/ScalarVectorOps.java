package dev.damsel.core.vector;

/**
 * The reference kernels: plain loops in the order the definitions are written, one accumulator, no blocking. Every
 * other implementation is tested against this one.
 */
public final class ScalarVectorOps implements VectorOps {
    public static final String NAME = "scalar";
    /** Values {@link #allBipolar} checks between looks at the result. */
    static final int BIPOLAR_RUN = 256;
    private static final int ONE_BITS = Float.floatToRawIntBits(1f);
    /** Each thread's tables of the sign products, grown to the largest k it has met. */
    private static final ThreadLocal<float[]> TABLES = ThreadLocal.withInitial(() -> new float[0]);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int bitWidth() {
        return 0;
    }

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int n) {
        float sum = 0f;
        for (int j = 0; j < n; j++) {
            sum += a[aOff + j] * b[bOff + j];
        }
        return sum;
    }

    @Override
    public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += a[aOff + j] * b[bOff + j];
        }
        return sum;
    }

    @Override
    public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
        for (int j = 0; j < n; j++) {
            y[yOff + j] += alpha * x[xOff + j];
        }
    }

    @Override
    public void accumulateTerms(double delta, double x, double[] diff, double[] sum, double[] sumD, double[] cols,
                                int colOff, int k) {
        for (int mu = 0; mu < k; mu++) {
            double dd = delta * diff[mu];
            sumD[mu] += dd;
            cols[colOff + mu] += delta * sum[mu] - x * dd;
        }
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += a[aOff + i * lda + p] * b[bOff + p * ldb + j];
                }
                c[cOff + i * ldc + j] += sum;
            }
        }
    }

    @Override
    public void packSigns(float[] x, int off, int n, long[] out, int outOff) {
        packSigns(x, off, n, out, outOff, 0);
    }

    @Override
    public boolean allBipolar(float[] x, int off, int n) {
        return allBipolar(x, off, n, 0);
    }

    /**
     * {@link #allBipolar} for the values from {@code off + from} on. A value is ±1 exactly when its bits without the
     * sign are those of 1f; the loop ORs the differences and looks at them once every {@value #BIPOLAR_RUN} values.
     */
    static boolean allBipolar(float[] x, int off, int n, int from) {
        int j = from;
        while (j < n) {
            int end = Math.min(n, j + BIPOLAR_RUN);
            int differ = 0;
            for (; j < end; j++) {
                differ |= (Float.floatToRawIntBits(x[off + j]) & 0x7fff_ffff) ^ ONE_BITS;
            }
            if (differ != 0) {
                return false;
            }
        }
        return true;
    }

    /** {@link #packSigns} for the words from {@code fromWord} on (units {@code 64·fromWord} on). */
    static void packSigns(float[] x, int off, int n, long[] out, int outOff, int fromWord) {
        int words = Vectors.words(n);
        for (int w = fromWord; w < words; w++) {
            long word = 0L;
            int base = off + (w << 6);
            int end = Math.min(64, n - (w << 6));
            for (int j = 0; j < end; j++) {
                word |= (long) positive(x[base + j]) << j;
            }
            out[outOff + w] = word;
        }
    }

    /**
     * 1 when {@code v > 0}, else 0 (NaN and ±0 included), without a branch (the signs of a state are coin flips to
     * the branch predictor): {@code v > 0} exactly when v's bits, as a signed int, lie in [1, bits of +∞].
     */
    private static int positive(float v) {
        int t = Float.floatToRawIntBits(v) - 1;
        return (~t & (t - 0x7F800000)) >>> 31;
    }

    @Override
    public void bitOverlapsMapped(long[] a, int aOff, int rowsA, long[] b, int rowsB, int n, float[] first,
                                  double[] second, float[] out, int outOff, double[] sums) {
        BitOverlaps.mapped(a, aOff, rowsA, b, rowsB, n, first, second, out, outOff, sums);
    }

    @Override
    public void signProduct(int m, float[] a, int aOff, int lda, SignMatrix s, float[] c, int cOff, int ldc) {
        int k = s.rows;
        int groups = s.groups;
        float[] tables = tables(groups);
        for (int i = 0; i < m; i++) {
            for (int g = 0; g < groups; g++) {
                int p = SignMatrix.GROUP * g;
                SignMatrix.table(at(a, aOff, lda, i, p, k), at(a, aOff, lda, i, p + 1, k),
                        at(a, aOff, lda, i, p + 2, k), at(a, aOff, lda, i, p + 3, k), tables, g * SignMatrix.TABLE);
            }
            for (int j = 0; j < s.cols; j++) {
                int codes = j * groups;
                float sum = 0f;
                for (int g = 0; g < groups; g++) {
                    sum += tables[g * SignMatrix.TABLE + s.codes[codes + g]];
                }
                c[cOff + i * ldc + j] = sum;
            }
        }
    }

    /** This thread's tables for {@code groups} groups. */
    private static float[] tables(int groups) {
        float[] tables = TABLES.get();
        if (tables.length < groups * SignMatrix.TABLE) {
            tables = new float[groups * SignMatrix.TABLE];
            TABLES.set(tables);
        }
        return tables;
    }

    /** A(i, p) of column-major A, 0 past k. */
    private static float at(float[] a, int aOff, int lda, int i, int p, int k) {
        return p < k ? a[aOff + p * lda + i] : 0f;
    }

    @Override
    public void absColumnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, float[] maxima) {
        absColumnSums(rows, 0, cols, a, aOff, lda, sums, maxima);
    }

    /** {@link #absColumnSums} for columns {@code from ≤ j < to}. */
    static void absColumnSums(int rows, int from, int to, float[] a, int aOff, int lda, float[] sums,
                              float[] maxima) {
        for (int j = from; j < to; j++) {
            float sum = 0f;
            float max = 0f;
            for (int i = 0; i < rows; i++) {
                float v = Math.abs(a[aOff + i * lda + j]);
                sum += v;
                max = Math.max(max, v);
            }
            sums[j] = sum;
            maxima[j] = max;
        }
    }

    @Override
    public void signProductRounded(int m, float[] a, int aOff, int lda, float[] scale, SignMatrix s, float[] c,
                                   int cOff, int ldc, float[] error) {
        int k = s.rows;
        int groups = s.groups;
        // The rounded values as floats (the low 16 bits, as the 16-bit lanes keep them): their tables' sums of four
        // are exact in float, and their low 16 bits are the 16-bit tables' entries.
        float[] q = new float[groups * SignMatrix.GROUP];
        float[] tables = tables(groups);
        for (int i = 0; i < m; i++) {
            float err = 0f;
            for (int p = 0; p < k; p++) {
                float scaled = a[aOff + p * lda + i] * scale[i];
                float rounded = (float) Math.rint(scaled);
                q[p] = (short) rounded;
                err += Math.abs(scaled - rounded);
            }
            error[i] = err;
            for (int g = 0; g < groups; g++) {
                int p = SignMatrix.GROUP * g;
                SignMatrix.table(q[p], q[p + 1], q[p + 2], q[p + 3], tables, g * SignMatrix.TABLE);
            }
            for (int j = 0; j < s.cols; j++) {
                int codes = j * groups;
                short sum = 0;
                for (int g = 0; g < groups; g++) {
                    sum += (short) (int) tables[g * SignMatrix.TABLE + s.codes[codes + g]];
                }
                c[cOff + i * ldc + j] = sum;
            }
        }
    }

    @Override
    public int bandedSignStep(float[] drive, int dOff, double diag, double band, float[] x, int xOff, int n) {
        int left = 0;
        int differ = 0;
        for (int j = 0; j < n; j++) {
            float old = x[xOff + j];
            float d = drive[dOff + j];
            double shift = old * diag;
            if (d > band - shift) {
                x[xOff + j] = 1f;
            } else if (d < -band - shift) {
                x[xOff + j] = -1f;
            } else {
                drive[dOff + j] = Float.NaN;
                left++;
            }
            differ |= Float.floatToRawIntBits(old) ^ Float.floatToRawIntBits(x[xOff + j]);
        }
        return 2 * left + (differ != 0 ? 1 : 0);
    }

    @Override
    public boolean signStep(float[] drive, int dOff, double diag, float[] x, int xOff, int n) {
        int differ = 0; // without a data-dependent branch per unit: signs flip at random
        for (int j = 0; j < n; j++) {
            float old = x[xOff + j];
            float next = Vectors.signOf(drive[dOff + j] + old * diag);
            differ |= Float.floatToRawIntBits(old) ^ Float.floatToRawIntBits(next);
            x[xOff + j] = next;
        }
        return differ != 0;
    }

    @Override
    public double driveSum(PolynomialShape f, double s, double[] m, int mOff, double[] w, int wOff, double x, int k) {
        double total = 0;
        for (int mu = 0; mu < k; mu++) {
            double wv = w[wOff + mu];
            double c = m[mOff + mu] - wv * x;
            total += f.value(s * (c + wv)) - f.value(s * (c - wv));
        }
        return total;
    }

    @Override
    public void derivativeTerms(PolynomialShape f, double s, double[] m, int mOff, double[] w, int wOff, double x,
                                int k, double[] diff, double[] sum, int o) {
        for (int mu = 0; mu < k; mu++) {
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
        double total = 0;
        for (int mu = 0; mu < k; mu++) {
            double t = s * (m[mu] - 2 * x * w[wOff + mu]);
            double dt = f.derivative(t);
            total += fm[mu] - f.value(t);
            diff[mu] = x * (dfm[mu] - dt);
            sum[mu] = dfm[mu] + dt;
        }
        return x * total;
    }

    @Override
    public String toString() {
        return NAME;
    }
}
