package dev.damsel.core.vector;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The product with a ±1 matrix (four Russians): its definition, hand-computed values, and Panama against scalar. */
class SignProductTest {
    private final VectorOps scalar = new ScalarVectorOps();

    @Test
    void aSmallProductHasTheHandComputedValues() {
        // A is 2×5, given by columns: rows (1, 2, 3, 4, 5) and (−1, 0.5, 2, −3, 10); S is the hand matrix below.
        float[] a = {1, -1, 2, 0.5f, 3, 2, 4, -3, 5, 10};
        float[] c = new float[6];
        scalar.signProduct(2, a, 0, 2, handSigns(), c, 0, 3);
        assertThat(c).containsExactly(
                15, 1 - 2 + 3 - 4 + 5, -1 - 2 - 3 - 4 + 5,
                8.5f, -1 - 0.5f + 2 + 3 + 10, 1 - 0.5f - 2 + 3 + 10);
    }

    /**
     * A 5×3 sign matrix for hand-computed products: column 0 is all +1, column 1 alternates, column 2 is +1 only in
     * row 4 (the second group: one real row, three padding rows).
     */
    static SignMatrix handSigns() {
        float[] s = {1, 1, -1,
                     1, -1, -1,
                     1, 1, -1,
                     1, -1, -1,
                     1, 1, 1};
        return Vectors.signMatrix(5, 3, s, 0, 3);
    }

    @Test
    void theSignMatrixKeepsTheSignOfEveryEntry() {
        float[] s = {2, -0.5f, 0, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e-30f, -1};
        SignMatrix signs = Vectors.signMatrix(3, 3, s, 0, 3);
        float[] expected = {1, -1, -1, -1, -1, 1, -1, 1, -1};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(signs.get(i, j)).as("(%d, %d)", i, j).isEqualTo(expected[i * 3 + j]);
            }
        }
        assertThat(signs.rows()).isEqualTo(3);
        assertThat(signs.cols()).isEqualTo(3);
        assertThatThrownBy(() -> signs.get(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /** The scalar kernel is the written definition: pairwise sums in groups of four, then the groups in order. */
    @Test
    void theScalarKernelIsItsDefinitionAndCloseToTheExactProduct() {
        SplittableRandom random = new SplittableRandom(3);
        int[][] shapes = {{1, 1, 1}, {3, 4, 5}, {7, 13, 9}, {5, 64, 33}, {2, 255, 17}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int k = shape[1];
            int n = shape[2];
            float[] a = VectorOpsTest.floats(m * k, random);
            float[] s = VectorOpsTest.signs(k * n, random);
            float[] c = new float[m * n];
            scalar.signProduct(m, a, 0, m, Vectors.signMatrix(k, n, s, 0, n), c, 0, n);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    float defined = 0f;
                    double exact = 0;
                    double magnitude = 0;
                    for (int g = 0; g < (k + 3) / 4; g++) {
                        float[] t = new float[4];
                        for (int q = 0; q < 4; q++) {
                            int p = 4 * g + q;
                            t[q] = p < k ? s[p * n + j] * a[p * m + i] : 0f;
                            if (p < k) {
                                exact += (double) s[p * n + j] * a[p * m + i];
                                magnitude += Math.abs(a[p * m + i]);
                            }
                        }
                        defined += (t[0] + t[1]) + (t[2] + t[3]);
                    }
                    String where = m + "x" + k + "x" + n + " at (" + i + ", " + j + ")";
                    assertThat(c[i * n + j]).as(where).isEqualTo(defined);
                    assertThat((double) c[i * n + j]).as(where)
                            .isCloseTo(exact, within(k * 0x1p-24 * magnitude));
                }
            }
        }
    }

    @Test
    void panamaEqualsTheScalarReferenceBitForBitOnAwkwardShapes() {
        var loaded = VectorOpsProvider.loadPanama();
        assumeTrue(loaded.isPresent(), VectorOpsProvider.whyNotPanama());
        VectorOps panama = loaded.get();
        SplittableRandom random = new SplittableRandom(4);
        int[] rows = {1, 7, 8, 13, 16, 17, 31, 33, 64, 65};
        int[] depths = {1, 3, 4, 5, 13, 63, 64, 65, 255};
        int[] widths = {1, 3, 4, 5, 7, 64, 65, 257};
        for (int m : rows) {
            for (int k : depths) {
                for (int n : widths) {
                    // Offsets and leading dimensions wider than the rows; C keeps a margin that must stay untouched.
                    int lda = m + 3;
                    int ldc = n + 2;
                    float[] a = VectorOpsTest.floats(2 + k * lda, random);
                    SignMatrix s = Vectors.signMatrix(k, n, VectorOpsTest.signs(k * (n + 1), random), 1, n + 1);
                    float[] expected = VectorOpsTest.floats(1 + m * ldc, random);
                    float[] actual = expected.clone();
                    scalar.signProduct(m, a, 2, lda, s, expected, 1, ldc);
                    panama.signProduct(m, a, 2, lda, s, actual, 1, ldc);
                    assertThat(actual).as("%dx%dx%d", m, k, n).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theFacadeChecksItsArguments() {
        SignMatrix s = Vectors.signMatrix(4, 3, new float[12], 0, 3);
        assertThatThrownBy(() -> Vectors.signMatrix(4, 3, new float[11], 0, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Vectors.signMatrix(4, 3, new float[12], 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leading dimension 2");
        assertThatThrownBy(() -> Vectors.signProduct(2, new float[7], 0, 2, s, new float[6], 0, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Vectors.signProduct(2, new float[8], 0, 1, s, new float[6], 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A by columns is 4 x 2");
        assertThatThrownBy(() -> Vectors.signProduct(2, new float[8], 0, 2, s, new float[6], 0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C is 2 x 3");
        assertThatThrownBy(() -> Vectors.signProduct(2, new float[8], 0, 2, null, new float[6], 0, 3))
                .isInstanceOf(NullPointerException.class);
    }
}
