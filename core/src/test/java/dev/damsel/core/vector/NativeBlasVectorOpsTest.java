package dev.damsel.core.vector;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.damsel.core.vector.VectorOpsTest.floats;
import static dev.damsel.core.vector.VectorOpsTest.productTolerance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** OpenBLAS's gemm against the scalar reference, and the properties damsel's parallel loops rely on. */
class NativeBlasVectorOpsTest {
    private final VectorOps scalar = new ScalarVectorOps();

    private static VectorOps openblas() {
        var ops = VectorOpsProvider.loadNativeBlas();
        assumeTrue(ops.isPresent(), () -> "OpenBLAS cannot load here: " + VectorOpsProvider.whyNotNativeBlas());
        return ops.get();
    }

    @Test
    void matrixProductsAgreeWithTheReferenceOnAwkwardShapes() {
        VectorOps openblas = openblas();
        SplittableRandom random = new SplittableRandom(11);
        int[][] shapes = {{1, 1, 1}, {7, 5, 3}, {255, 257, 129}, {1, 300, 70}, {40, 1, 33}, {3, 7, 1000},
                {64, 64, 64}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            for (int stride = 0; stride <= 1; stride++) {
                // Dense, then with offsets and leading dimensions larger than the rows.
                int lda = k + 3 * stride;
                int ldb = n + 2 * stride;
                int ldc = n + 5 * stride;
                int aOff = 3 * stride;
                int bOff = 7 * stride;
                int cOff = 2 * stride;
                float[] a = floats(aOff + m * lda, random);
                float[] b = floats(bOff + k * ldb, random);
                float[] c1 = floats(cOff + m * ldc + 4, random); // C += A·B on a nonzero C
                float[] c2 = c1.clone();
                scalar.gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c1, cOff, ldc);
                openblas.gemm(m, n, k, a, aOff, lda, b, bOff, ldb, c2, cOff, ldc);
                float tolerance = productTolerance(k);
                for (int p = 0; p < c1.length; p++) {
                    int i = (p - cOff) / ldc;
                    int j = (p - cOff) % ldc;
                    boolean inside = p >= cOff && i < m && j < n;
                    if (inside) {
                        assertThat(c2[p]).as("%dx%dx%d stride %d at (%d, %d)", m, n, k, stride, i, j)
                                .isCloseTo(c1[p], within(tolerance));
                    } else {
                        assertThat(c2[p]).as("%dx%dx%d stride %d: untouched C[%d]", m, n, k, stride, p)
                                .isEqualTo(c1[p]);
                    }
                }
            }
        }
    }

    @Test
    void aCallGivesTheSameResultEveryTimeButRowsDependOnTheirPlace() {
        VectorOps openblas = openblas();
        assertThat(openblas.gemmRowsIndependent()).isFalse();
        assertThat(scalar.gemmRowsIndependent()).isTrue();
        VectorOpsProvider.loadPanama().ifPresent(panama -> assertThat(panama.gemmRowsIndependent()).isTrue());
        SplittableRandom random = new SplittableRandom(12);
        int m = 97;
        int n = 300;
        int k = 1500;
        float[] a = floats(m * k, random);
        float[] b = floats(k * n, random);
        float[] first = new float[m * n];
        float[] again = new float[m * n];
        openblas.gemm(m, n, k, a, 0, k, b, 0, n, first, 0, n);
        openblas.gemm(m, n, k, a, 0, k, b, 0, n, again, 0, n);
        assertSameFloats(again, first, "the same call twice");
        // The same rows from a call that starts one row later come out differently somewhere: if OpenBLAS ever keeps
        // rows independent, gemmRowsIndependent() can become true (and this test changes).
        float[] shifted = new float[(m - 1) * n];
        openblas.gemm(m - 1, n, k, a, k, k, b, 0, n, shifted, 0, n);
        boolean differ = false;
        for (int p = 0; p < shifted.length; p++) {
            differ |= Float.floatToRawIntBits(shifted[p]) != Float.floatToRawIntBits(first[n + p]);
        }
        assertThat(differ).as("rows shifted by one place in the call differ somewhere").isTrue();
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        VectorOps openblas = openblas();
        SplittableRandom random = new SplittableRandom(13);
        int m = 300;
        int n = 257;
        int k = 700;
        float[] a = floats(m * k, random);
        float[] b = floats(k * n, random);
        float[] first = new float[m * n];
        openblas.gemm(m, n, k, a, 0, k, b, 0, n, first, 0, n); // split over damsel's threads
        assertSameOnEveryThreadCount(openblas, m, n, k, a, b, first);
    }

    @Test
    void onItsOwnThreadsAProductIsOneOpenBlasCallWhoseResultDoesNotDependOnDamselsThreads() {
        openblas();
        SplittableRandom random = new SplittableRandom(15);
        int m = 300;
        int n = 257;
        int k = 700;
        float[] a = floats(m * k, random);
        float[] b = floats(k * n, random);
        float[] reference = new float[m * n];
        scalar.gemm(m, n, k, a, 0, k, b, 0, n, reference, 0, n);
        try {
            VectorOps twoThreads = new NativeBlasVectorOps(2);
            assertThat(twoThreads.name()).isEqualTo("openblas-2-threads");
            float[] first = new float[m * n];
            twoThreads.gemmParallel(m, n, k, a, 0, k, b, 0, n, first, 0, n);
            for (int p = 0; p < first.length; p++) {
                assertThat(first[p]).as("element %d", p).isCloseTo(reference[p], within(productTolerance(k)));
            }
            assertSameOnEveryThreadCount(twoThreads, m, n, k, a, b, first);
        } finally {
            new NativeBlasVectorOps(1); // OpenBLAS's thread count is global: back to the other tests' one thread
        }
    }

    /**
     * {@code ops.gemm} gives {@code expected} bit for bit on each of 1 to all of damsel's threads, and when two threads
     * of damsel's pool call it at once.
     */
    private static void assertSameOnEveryThreadCount(VectorOps ops, int m, int n, int k, float[] a, float[] b,
                                                     float[] expected) {
        int threads = Parallel.threads();
        try {
            for (int t = 1; t <= threads; t++) {
                Parallel.setThreads(t);
                float[] c = new float[m * n];
                ops.gemm(m, n, k, a, 0, k, b, 0, n, c, 0, n);
                assertSameFloats(c, expected, t + " of damsel's threads");
            }
        } finally {
            Parallel.setThreads(threads);
        }
        float[][] pooled = new float[2][m * n];
        Parallel.forEach(2, call -> ops.gemm(m, n, k, a, 0, k, b, 0, n, pooled[call], 0, n));
        assertSameFloats(pooled[0], expected, "from the pool, at the same time as another call");
        assertSameFloats(pooled[1], expected, "from the pool, at the same time as another call");
    }

    @Test
    void aBadOpenBlasThreadCountIsAOneLineErrorNamingTheProperty() {
        assertThat(NativeBlasVectorOps.threadsFromProperty(null)).isEqualTo(1);
        assertThat(NativeBlasVectorOps.threadsFromProperty(" 4 ")).isEqualTo(4);
        for (String bad : new String[]{"0", "-2", "257", "two", "1.5"}) {
            assertThatThrownBy(() -> NativeBlasVectorOps.threadsFromProperty(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("-Ddamsel.openblas.threads must be a whole number in [1, 256], got '" + bad + "'");
        }
        assumeTrue(VectorOpsProvider.loadNativeBlas().isPresent(), VectorOpsProvider.whyNotNativeBlas());
        String before = System.getProperty(NativeBlasVectorOps.THREADS_PROPERTY);
        System.setProperty(NativeBlasVectorOps.THREADS_PROPERTY, "0");
        try {
            assertThatThrownBy(() -> VectorOpsProvider.choose("openblas"))
                    .isInstanceOf(VectorBackendException.class)
                    .hasMessage("-Ddamsel.vector=openblas, but OpenBLAS cannot load: -Ddamsel.openblas.threads must be"
                            + " a whole number in [1, 256], got '0'");
        } finally {
            if (before == null) {
                System.clearProperty(NativeBlasVectorOps.THREADS_PROPERTY);
            } else {
                System.setProperty(NativeBlasVectorOps.THREADS_PROPERTY, before);
            }
        }
    }

    @Test
    void otherKernelsAreTheDelegates() {
        VectorOps openblas = openblas();
        VectorOps reference = VectorOpsProvider.loadPanama().orElseGet(ScalarVectorOps::new);
        assertThat(openblas.name()).isEqualTo("openblas");
        assertThat(openblas.bitWidth()).isEqualTo(reference.bitWidth());
        SplittableRandom random = new SplittableRandom(14);
        float[] x = floats(1000, random);
        float[] y = floats(1000, random);
        assertThat(openblas.dot(x, 1, y, 2, 997)).isEqualTo(reference.dot(x, 1, y, 2, 997));
    }

    @Test
    void theProviderLoadsItOnlyWhenAsked() {
        assumeTrue(VectorOpsProvider.loadNativeBlas().isPresent(), VectorOpsProvider.whyNotNativeBlas());
        assertThat(VectorOpsProvider.choose("openblas").name()).isEqualTo("openblas");
        assertThat(VectorOpsProvider.choose(" OpenBLAS ").name()).isEqualTo("openblas");
        assertThat(VectorOpsProvider.choose("").name()).isNotEqualTo("openblas");
    }

    @Test
    void anUnknownBackendIsAOneLineError() {
        assertThatThrownBy(() -> VectorOpsProvider.choose("cublas"))
                .isInstanceOf(VectorBackendException.class)
                .hasMessage("-Ddamsel.vector must be scalar, panama or openblas, got 'cublas'");
    }

    /** Bit-for-bit equality, reporting the first difference (the whole arrays are too long to print). */
    private static void assertSameFloats(float[] actual, float[] expected, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int p = 0; p < expected.length; p++) {
            if (Float.floatToRawIntBits(actual[p]) != Float.floatToRawIntBits(expected[p])) {
                assertThat(actual[p]).as("%s: first difference at %d", what, p).isEqualTo(expected[p]);
            }
        }
    }
}
