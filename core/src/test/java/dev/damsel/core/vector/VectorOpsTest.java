package dev.damsel.core.vector;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Scalar against Panama on awkward sizes: exact for bit and element-wise kernels, size-scaled tolerance for sums. */
class VectorOpsTest {
    private static final int[] SIZES = {1, 7, 8, 13, 31, 64, 65, 255, 1000, 4099};
    private static final double FLOAT_EPS = 0x1p-24;
    private static final double DOUBLE_EPS = 0x1p-53;
    private final VectorOps scalar = new ScalarVectorOps();

    private VectorOps panama() {
        var panama = VectorOpsProvider.loadPanama();
        assumeTrue(panama.isPresent(), VectorOpsProvider.whyNotPanama());
        return panama.get();
    }

    @Test
    void dotProductsAgree() {
        VectorOps panama = panama();
        SplittableRandom random = new SplittableRandom(1);
        for (int n : SIZES) {
            float[] a = floats(n + 3, random);
            float[] b = floats(n + 5, random);
            double magnitude = 0;
            for (int j = 0; j < n; j++) {
                magnitude += Math.abs((double) a[j + 3] * b[j + 1]);
            }
            assertThat(panama.dot(a, 3, b, 1, n)).as("float dot n=%d", n)
                    .isCloseTo(scalar.dot(a, 3, b, 1, n), within((float) (2 * n * FLOAT_EPS * magnitude)));
            double[] c = doubles(n, random);
            double[] d = doubles(n, random);
            assertThat(panama.dot(c, 0, d, 0, n)).as("double dot n=%d", n)
                    .isCloseTo(scalar.dot(c, 0, d, 0, n), within(2 * n * DOUBLE_EPS * n));
            double[] y1 = doubles(n, random);
            double[] y2 = y1.clone();
            scalar.axpy(0.37, c, 0, y1, 0, n);
            panama.axpy(0.37, c, 0, y2, 0, n);
            for (int j = 0; j < n; j++) {
                assertThat(y2[j]).isCloseTo(y1[j], within(4 * DOUBLE_EPS));
            }
        }
    }

    @Test
    void matrixProductsAgreeOnAwkwardShapes() {
        VectorOps panama = panama();
        SplittableRandom random = new SplittableRandom(2);
        int[][] shapes = {{1, 1, 1}, {7, 8, 13}, {13, 31, 7}, {65, 255, 64}, {8, 65, 1000}, {5, 4099, 3},
                {3, 7, 4099}, {31, 300, 257}, {64, 64, 64}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            // Offsets and leading dimensions larger than the rows, to exercise the strided forms.
            int lda = k + 2;
            int ldb = n + 3;
            int ldc = n + 1;
            float[] a = floats(1 + m * lda, random);
            float[] b = floats(2 + k * ldb, random);
            float[] c1 = floats(m * ldc, random);
            float[] c2 = c1.clone();
            scalar.gemm(m, n, k, a, 1, lda, b, 2, ldb, c1, 0, ldc);
            panama.gemm(m, n, k, a, 1, lda, b, 2, ldb, c2, 0, ldc);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(c2[i * ldc + j]).as("%dx%dx%d at (%d, %d)", m, n, k, i, j)
                            .isCloseTo(c1[i * ldc + j], within(productTolerance(k)));
                }
            }
        }
    }

    @Test
    void parallelMatrixProductIsTheSameForAnyThreadCount() {
        SplittableRandom random = new SplittableRandom(3);
        int[][] shapes = {{101, 67, 300}, {1, 7, 1}, {7, 255, 257}, {255, 257, 7}, {257, 1, 600}, {33, 255, 513},
                {513, 17, 31}};
        List<VectorOps> implementations = new ArrayList<>(List.of(scalar));
        VectorOpsProvider.loadPanama().ifPresent(implementations::add);
        int before = Parallel.threads();
        try {
            for (int[] shape : shapes) {
                int m = shape[0];
                int n = shape[1];
                int k = shape[2];
                float[] a = floats(m * k, random);
                float[] b = floats(k * n, random);
                float[] c = floats(m * n, random);
                float[] serial = c.clone();
                Vectors.gemm(m, n, k, a, b, serial);
                for (int threads = 1; threads <= before; threads++) {
                    Parallel.setThreads(threads);
                    float[] parallel = c.clone();
                    Vectors.gemmParallel(m, n, k, a, b, parallel);
                    if (Vectors.ops().gemmRowsIndependent()) { // a native BLAS rounds its row blocks differently
                        assertThat(parallel).as("%dx%dx%d on %d threads", m, n, k, threads).containsExactly(serial);
                    }
                    for (VectorOps ops : implementations) {
                        float[] one = c.clone();
                        float[] many = c.clone();
                        ops.gemm(m, n, k, a, 0, k, b, 0, n, one, 0, n);
                        ops.gemmParallel(m, n, k, a, 0, k, b, 0, n, many, 0, n);
                        assertThat(many).as("%s %dx%dx%d on %d threads", ops.name(), m, n, k, threads)
                                .containsExactly(one);
                    }
                }
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    @Test
    void gradientTermsAccumulateExactlyAsTheReference() {
        VectorOps panama = panama();
        SplittableRandom random = new SplittableRandom(13);
        for (int k : SIZES) {
            double[] diff = doubles(k, random);
            double[] sum = doubles(k, random);
            double[] sumD = doubles(k, random);
            double[] cols = doubles(k + 3, random);
            double[] sumD2 = sumD.clone();
            double[] cols2 = cols.clone();
            double delta = random.nextDouble() - 0.5;
            scalar.accumulateTerms(delta, -1.0, diff, sum, sumD, cols, 3, k);
            panama.accumulateTerms(delta, -1.0, diff, sum, sumD2, cols2, 3, k);
            assertThat(sumD2).as("k=%d", k).containsExactly(sumD);
            assertThat(cols2).as("k=%d", k).containsExactly(cols);
        }
    }

    @Test
    void packedSignsSetTheBitsOfThePositiveEntries() {
        float[] x = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1f, -1f, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0x7F800001),
                Float.intBitsToFloat(0xFF800001), Float.intBitsToFloat(0x7FFFFFFF), Float.intBitsToFloat(0x80000001)};
        SplittableRandom random = new SplittableRandom(12);
        float[] all = new float[x.length + 1100];
        System.arraycopy(x, 0, all, 0, x.length);
        for (int j = x.length; j < all.length; j++) {
            // Half of them ±1 (states), half any bits at all.
            all[j] = j % 2 == 0 ? (random.nextBoolean() ? 1f : -1f) : Float.intBitsToFloat(random.nextInt());
        }
        List<VectorOps> implementations = new ArrayList<>(List.of(scalar));
        VectorOpsProvider.loadPanama().ifPresent(implementations::add);
        for (VectorOps ops : implementations) {
            for (int n : new int[] {1, 15, 63, 64, 65, 127, 128, 255, 256, 257, 1000}) {
                for (int off : new int[] {0, 3, all.length - n}) {
                    long[] packed = new long[Vectors.words(n) + 2];
                    Arrays.fill(packed, -1L);
                    ops.packSigns(all, off, n, packed, 1);
                    assertThat(packed[0]).isEqualTo(-1L);
                    assertThat(packed[packed.length - 1]).as("past the words").isEqualTo(-1L);
                    for (int j = 0; j < n; j++) {
                        assertThat((packed[1 + (j >>> 6)] >>> (j & 63)) & 1L)
                                .as("%s: n=%d off=%d unit %d = %s", ops.name(), n, off, j, all[off + j])
                                .isEqualTo(all[off + j] > 0 ? 1L : 0L);
                    }
                    if ((n & 63) != 0) {
                        assertThat(packed[packed.length - 2] >>> (n & 63)).as("%s padding", ops.name()).isZero();
                    }
                }
            }
        }
    }

    @Test
    void allBipolarIsTrueExactlyWhenEveryValueIsPlusOrMinusOne() {
        float[] odd = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
                Math.nextUp(1f), Math.nextDown(1f), -Math.nextUp(1f), 2f, 0.5f, -3f, Float.intBitsToFloat(0x7FC00001)};
        SplittableRandom random = new SplittableRandom(13);
        List<VectorOps> implementations = new ArrayList<>(List.of(scalar));
        VectorOpsProvider.loadPanama().ifPresent(implementations::add);
        for (VectorOps ops : implementations) {
            for (int n : new int[] {0, 1, 7, 8, 9, 255, 256, 257, 600}) {
                int off = 1 + n % 5;
                float[] x = new float[off + n + 1];
                for (int j = 0; j < x.length; j++) {
                    x[j] = random.nextBoolean() ? 1f : -1f;
                }
                x[0] = Float.NaN;                    // outside the range: never read
                x[x.length - 1] = 0f;
                assertThat(ops.allBipolar(x, off, n)).as("%s n=%d all ±1", ops.name(), n).isTrue();
                for (int at = 0; at < n; at += 1 + n / 40) {
                    float kept = x[off + at];
                    x[off + at] = odd[random.nextInt(odd.length)];
                    assertThat(ops.allBipolar(x, off, n))
                            .as("%s n=%d %s at %d", ops.name(), n, x[off + at], at).isFalse();
                    x[off + at] = kept;
                }
            }
        }
    }

    @Test
    void aProductWithAPreparedOperandIsBitForBitThePlainProduct() {
        List<VectorOps> implementations = new ArrayList<>(List.of(scalar, Vectors.ops()));
        VectorOpsProvider.loadPanama().ifPresent(implementations::add);
        SplittableRandom random = new SplittableRandom(11);
        // Shapes across the packed blocks' edges: k around KC = 256, n around NC (1024 at 256 bits) and NR.
        int[][] shapes = {{1, 1, 1}, {7, 13, 31}, {33, 255, 257}, {5, 1040, 600}, {64, 1024, 512}, {130, 17, 4099}};
        for (VectorOps ops : implementations) {
            for (int[] shape : shapes) {
                int m = shape[0];
                int n = shape[1];
                int k = shape[2];
                int ldb = n + 3;
                float[] a = floats(m * k, random);
                float[] b = floats(5 + k * ldb, random);
                float[] c = floats(m * n, random);
                float[] plain = c.clone();
                ops.gemm(m, n, k, a, 0, k, b, 5, ldb, plain, 0, n);
                PreparedMatrix prepared = ops.prepare(k, n, b, 5, ldb);
                assertThat(prepared.rows()).isEqualTo(k);
                assertThat(prepared.cols()).isEqualTo(n);
                float[] twice = c.clone();
                ops.gemm(m, a, 0, k, prepared, twice, 0, n);
                ops.gemm(m, a, 0, k, prepared, twice, 0, n);
                float[] once = c.clone();
                ops.gemm(m, a, 0, k, prepared, once, 0, n);
                assertThat(once).as("%s %dx%dx%d", ops.name(), m, n, k).containsExactly(plain);
                ops.gemm(m, n, k, a, 0, k, b, 5, ldb, plain, 0, n);
                assertThat(twice).as("%s %dx%dx%d, twice", ops.name(), m, n, k).containsExactly(plain);
            }
        }
    }

    @Test
    void everyElementOfAMatrixProductGetsTheSameOperationsWhereverItLies() {
        List<VectorOps> implementations = new ArrayList<>(List.of(scalar));
        VectorOpsProvider.loadPanama().ifPresent(implementations::add);
        SplittableRandom random = new SplittableRandom(8);
        int[][] shapes = {{1, 1, 1}, {7, 7, 7}, {13, 255, 257}, {255, 33, 600}, {257, 257, 65}, {31, 1000, 13}};
        for (VectorOps ops : implementations) {
            for (int[] shape : shapes) {
                int m = shape[0];
                int n = shape[1];
                int k = shape[2];
                float[] a = floats(m * k, random);
                float[] b = floats(k * n, random);
                float[] c = floats(m * n, random);
                float[] whole = c.clone();
                ops.gemm(m, n, k, a, 0, k, b, 0, n, whole, 0, n);
                String what = ops.name() + " " + m + "x" + n + "x" + k;
                // Row by row, and in uneven blocks of rows.
                for (int rows : new int[]{1, 2, 3, 7, 64}) {
                    float[] split = c.clone();
                    for (int i = 0; i < m; i += rows) {
                        int count = Math.min(rows, m - i);
                        ops.gemm(count, n, k, a, i * k, k, b, 0, n, split, i * n, n);
                    }
                    assertThat(split).as("%s in blocks of %d rows", what, rows).containsExactly(whole);
                }
                // In blocks of columns, which sit anywhere in a panel.
                for (int cols : new int[]{1, 5, 17, 100}) {
                    float[] split = c.clone();
                    for (int j = 0; j < n; j += cols) {
                        int count = Math.min(cols, n - j);
                        ops.gemm(m, count, k, a, 0, k, b, j, n, split, j, n);
                    }
                    assertThat(split).as("%s in blocks of %d columns", what, cols).containsExactly(whole);
                }
            }
        }
    }

    @Test
    void bitOverlapsAreExact() {
        SplittableRandom random = new SplittableRandom(4);
        for (int n : new int[]{1, 7, 8, 13, 31, 64, 65, 192, 255, 256, 257, 300, 1000, 4099}) {
            for (int[] rows : new int[][]{{1, 1}, {5, 3}, {4, 9}, {3, 17}}) {
                int rowsA = rows[0];
                int rowsB = rows[1];
                int words = Vectors.words(n);
                int aOff = 2 * words; // a and out start inside their arrays
                int outOff = 3;
                float[] x = signs(rowsA * n, random);
                float[] y = signs(rowsB * n, random);
                long[] px = new long[aOff + rowsA * words];
                long[] py = new long[rowsB * words];
                for (int r = 0; r < rowsA; r++) {
                    Vectors.packSigns(x, r * n, n, px, aOff + r * words);
                }
                for (int r = 0; r < rowsB; r++) {
                    Vectors.packSigns(y, r * n, n, py, r * words);
                }
                float[] out = new float[outOff + rowsA * rowsB + 2];
                Arrays.fill(out, -12345f);
                Vectors.bitOverlaps(px, aOff, rowsA, py, rowsB, n, out, outOff);
                for (int i = 0; i < rowsA; i++) {
                    for (int j = 0; j < rowsB; j++) {
                        int expected = (int) scalar.dot(x, i * n, y, j * n, n);
                        assertThat(out[outOff + i * rowsB + j]).as("n=%d %dx%d (%d, %d)", n, rowsA, rowsB, i, j)
                                .isEqualTo((float) expected);
                        assertThat(Vectors.bitOverlap(px, aOff + i * words, py, j * words, n)).isEqualTo(expected);
                    }
                }
                assertThat(new float[]{out[0], out[1], out[2], out[out.length - 2], out[out.length - 1]})
                        .as("n=%d %dx%d: nothing written outside", n, rowsA, rowsB).containsOnly(-12345f);
            }
        }
    }

    @Test
    void theBranchFreeSignIsTheComparison() {
        double[] values = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, -1e-300, 1.0,
                -1.0, 0.5, -0.5, Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, -Double.NaN, Double.longBitsToDouble(0x7FF0000000000001L),
                Double.longBitsToDouble(0xFFF0000000000001L), Double.longBitsToDouble(0x7FFFFFFFFFFFFFFFL),
                Double.longBitsToDouble(0x8000000000000001L)};
        for (double v : values) {
            assertThat(Vectors.signOf(v)).as("%s", v).isEqualTo(v > 0 ? 1f : -1f);
        }
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 100_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            assertThat(Vectors.signOf(v)).as("%s", v).isEqualTo(v > 0 ? 1f : -1f);
        }
    }

    /**
     * The sign update: Panama (float lanes and thresholds) equals the scalar reference (in double) bit for bit, on
     * exact ties, near-ties of a diagonal that no float holds, ±0, NaN and infinite drives and diagonals.
     */
    @Test
    void signStepsAgreeAndReportChanges() {
        VectorOps panama = panama();
        SplittableRandom random = new SplittableRandom(15);
        double[] diagonals = {0.25, 0.1, -0.3, 1e-40, -1e-300, 3e38, 1e300, 0.0, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int n : SIZES) {
            for (double diag : diagonals) {
                float[] drive = floats(n + 1, random);
                float[] x = signs(n + 2, random);
                for (int j = 0; j < n; j += 3) {
                    drive[1 + j] = (float) (-x[2 + j] * diag);
                }
                drive[1 + n / 2] = Float.NaN;
                drive[1 + n / 3] = -0f;
                drive[1 + n / 4] = Float.POSITIVE_INFINITY;
                drive[1 + n / 5] = Float.MIN_VALUE;
                float[] expected = x.clone();
                float[] actual = x.clone();
                boolean expectedChange = scalar.signStep(drive, 1, diag, expected, 2, n);
                boolean actualChange = panama.signStep(drive, 1, diag, actual, 2, n);
                assertThat(actual).as("n=%d diag=%s", n, diag).isEqualTo(expected);
                assertThat(actualChange).isEqualTo(expectedChange).isEqualTo(!Arrays.equals(x, expected));
                for (int j = 0; j < n; j++) {
                    assertThat(expected[2 + j]).isEqualTo(drive[1 + j] + x[2 + j] * diag > 0 ? 1f : -1f);
                }
                assertThat(new float[]{expected[0], expected[1]}).containsExactly(x[0], x[1]);
            }
            // A step whose drives repeat the state changes nothing.
            float[] state = signs(n, random);
            assertThat(panama.signStep(state.clone(), 0, 0.0, state, 0, n)).isFalse();
            assertThat(scalar.signStep(state.clone(), 0, 0.0, state, 0, n)).isFalse();
        }
        assertThatThrownBy(() -> Vectors.signStep(new float[3], 0, 0.0, new float[4], 2, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Vectors.signStep(new float[3], 1, 0.0, new float[4], 0, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** The mapped overlaps read both tables at overlap + n, and add each column's second entries in row order. */
    @Test
    void mappedBitOverlapsReadTheTablesAndSumInRowOrder() {
        SplittableRandom random = new SplittableRandom(14);
        for (int n : new int[]{1, 13, 64, 65, 193, 255, 256, 257, 1000}) {
            for (int[] rows : new int[][]{{1, 1}, {5, 3}, {4, 9}, {3, 17}, {40, 6}}) {
                int rowsA = rows[0];
                int rowsB = rows[1];
                int words = Vectors.words(n);
                float[] x = signs(rowsA * n, random);
                float[] y = signs(rowsB * n, random);
                long[] px = new long[rowsA * words];
                long[] py = new long[rowsB * words];
                for (int r = 0; r < rowsA; r++) {
                    Vectors.packSigns(x, r * n, n, px, r * words);
                }
                for (int r = 0; r < rowsB; r++) {
                    Vectors.packSigns(y, r * n, n, py, r * words);
                }
                float[] first = floats(2 * n + 1, random);
                double[] second = doubles(2 * n + 1, random);
                double[] sums = doubles(rowsB, random);
                double[] expectedSums = sums.clone();
                int outOff = 2;
                float[] out = new float[outOff + rowsA * rowsB + 1];
                Arrays.fill(out, -12345f);
                Vectors.bitOverlapsMapped(px, 0, rowsA, py, rowsB, n, first, second, out, outOff, sums);
                for (int i = 0; i < rowsA; i++) {
                    for (int j = 0; j < rowsB; j++) {
                        int h = (int) scalar.dot(x, i * n, y, j * n, n) + n;
                        assertThat(out[outOff + i * rowsB + j]).as("n=%d %dx%d (%d, %d)", n, rowsA, rowsB, i, j)
                                .isEqualTo(first[h]);
                        expectedSums[j] += second[h];
                    }
                }
                assertThat(sums).as("n=%d %dx%d sums", n, rowsA, rowsB).containsExactly(expectedSums);
                assertThat(new float[]{out[0], out[1], out[out.length - 1]}).containsOnly(-12345f);
            }
        }
    }

    @Test
    void driveSumsAgreeAndDerivativeTermsAreIdentical() {
        VectorOps panama = panama();
        SplittableRandom random = new SplittableRandom(5);
        for (PolynomialShape.Kind kind : PolynomialShape.Kind.values()) {
            for (int degree : new int[]{1, 2, 3, 5, 60}) {
                PolynomialShape f = new PolynomialShape(kind, degree);
                for (int k : SIZES) {
                    double[] m = new double[k];
                    double[] w = doubles(k, random);
                    for (int mu = 0; mu < k; mu++) {
                        m[mu] = random.nextInt(-40, 41) * w[mu] + random.nextDouble() * 3;
                    }
                    double s = 1.0 / 13;
                    double x = random.nextBoolean() ? 1 : -1;
                    double magnitude = 0;
                    for (int mu = 0; mu < k; mu++) {
                        double c = m[mu] - w[mu] * x;
                        magnitude += Math.abs(f.value(s * (c + w[mu]))) + Math.abs(f.value(s * (c - w[mu])));
                    }
                    String what = f + " k=" + k;
                    assertThat(panama.driveSum(f, s, m, 0, w, 0, x, k)).as(what)
                            .isCloseTo(scalar.driveSum(f, s, m, 0, w, 0, x, k), within(2 * k * DOUBLE_EPS * magnitude));
                    double[] d1 = new double[k + 1];
                    double[] s1 = new double[k + 1];
                    double[] d2 = new double[k + 1];
                    double[] s2 = new double[k + 1];
                    scalar.derivativeTerms(f, s, m, 0, w, 0, x, k, d1, s1, 1);
                    panama.derivativeTerms(f, s, m, 0, w, 0, x, k, d2, s2, 1);
                    assertThat(d2).as(what).containsExactly(d1);
                    assertThat(s2).as(what).containsExactly(s1);
                }
            }
        }
    }

    @Test
    void bipolarTermsEqualTheGeneralDriveAndDerivativeTermsForUnitsAtPlusOrMinusOne() {
        SplittableRandom random = new SplittableRandom(6);
        List<VectorOps> implementations = new ArrayList<>(List.of(scalar));
        VectorOpsProvider.loadPanama().ifPresent(implementations::add);
        for (PolynomialShape.Kind kind : PolynomialShape.Kind.values()) {
            for (int degree : new int[]{1, 2, 3, 5, 10}) {
                PolynomialShape f = new PolynomialShape(kind, degree);
                for (int k : SIZES) {
                    double[] w = doubles(k, random);
                    double[] m = new double[k];
                    double[] fm = new double[k];
                    double[] dfm = new double[k];
                    double s = 1.0 / 13;
                    for (int mu = 0; mu < k; mu++) {
                        m[mu] = random.nextInt(-13, 14) * Math.abs(w[mu]) + random.nextDouble();
                        fm[mu] = f.value(s * m[mu]);
                        dfm[mu] = f.derivative(s * m[mu]);
                    }
                    for (double x : new double[]{1, -1}) {
                        double expected = scalar.driveSum(f, s, m, 0, w, 0, x, k);
                        double[] d0 = new double[k];
                        double[] s0 = new double[k];
                        scalar.derivativeTerms(f, s, m, 0, w, 0, x, k, d0, s0, 0);
                        double magnitude = 1e-300;
                        for (int mu = 0; mu < k; mu++) {
                            magnitude += Math.abs(fm[mu]) + Math.abs(f.value(s * (m[mu] - 2 * x * w[mu])));
                        }
                        for (VectorOps ops : implementations) {
                            String what = ops.name() + " " + f + " k=" + k + " x=" + x;
                            double[] d = new double[k];
                            double[] sm = new double[k];
                            assertThat(ops.bipolarTerms(f, s, m, fm, dfm, w, 0, x, k, d, sm)).as(what)
                                    .isCloseTo(expected, within(8 * k * DOUBLE_EPS * magnitude));
                            for (int mu = 0; mu < k; mu++) {
                                double scaleOfTerm = 8 * DOUBLE_EPS * (Math.abs(d0[mu]) + Math.abs(s0[mu]) + 1e-300)
                                        * degree;
                                assertThat(d[mu]).as(what).isCloseTo(d0[mu], within(scaleOfTerm));
                                assertThat(sm[mu]).as(what).isCloseTo(s0[mu], within(scaleOfTerm));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void theShapesFollowTheirDefinitions() {
        PolynomialShape cube = new PolynomialShape(PolynomialShape.Kind.PLAIN, 3);
        PolynomialShape rectified = new PolynomialShape(PolynomialShape.Kind.RECTIFIED, 2);
        PolynomialShape leaky = new PolynomialShape(PolynomialShape.Kind.LEAKY, 2);
        assertThat(cube.value(-2)).isEqualTo(-8);
        assertThat(cube.derivative(-2)).isEqualTo(12);
        assertThat(rectified.value(-2)).isEqualTo(0);
        assertThat(rectified.value(3)).isEqualTo(9);
        assertThat(leaky.value(-2)).isEqualTo(-0.02);
        assertThat(leaky.derivative(-2)).isEqualTo(0.01);
        assertThat(leaky.derivative(3)).isEqualTo(6);
    }

    @Test
    void theProviderHonoursThePropertyAndExplainsAFallback() {
        String old = System.getProperty(VectorOpsProvider.PROPERTY);
        try {
            System.setProperty(VectorOpsProvider.PROPERTY, "scalar");
            assertThat(VectorOpsProvider.choose().name()).isEqualTo("scalar");
            System.setProperty(VectorOpsProvider.PROPERTY, "simd");
            assertThatThrownBy(VectorOpsProvider::choose).hasMessageContaining("scalar, panama or openblas");
            System.clearProperty(VectorOpsProvider.PROPERTY);
            boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
            assertThat(VectorOpsProvider.choose().name()).isEqualTo(module ? "panama" : "scalar");
            if (!module) {
                assertThat(VectorOpsProvider.whyNotPanama()).contains("--add-modules jdk.incubator.vector");
                System.setProperty(VectorOpsProvider.PROPERTY, "panama");
                assertThatThrownBy(VectorOpsProvider::choose).hasMessageContaining("not present");
            }
        } finally {
            if (old == null) {
                System.clearProperty(VectorOpsProvider.PROPERTY);
            } else {
                System.setProperty(VectorOpsProvider.PROPERTY, old);
            }
        }
    }

    @Test
    void theFacadeChecksItsArguments() {
        assertThatThrownBy(() -> Vectors.dot(new float[3], new float[4])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Vectors.gemm(2, 2, 2, new float[3], new float[4], new float[4]))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(Vectors.implementationName()).isIn("scalar", "panama", "openblas");
    }

    /** How far a float product over k terms of [−1, 1) values may lie from the reference's, element by element. */
    static float productTolerance(int k) {
        return (float) (2 * (k + 1) * FLOAT_EPS * (k + 1));
    }

    static float[] floats(int n, SplittableRandom random) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (2 * random.nextDouble() - 1);
        }
        return out;
    }

    static double[] doubles(int n, SplittableRandom random) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = 2 * random.nextDouble() - 1;
        }
        return out;
    }

    static float[] signs(int n, SplittableRandom random) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextBoolean() ? 1f : -1f;
        }
        return out;
    }
}
