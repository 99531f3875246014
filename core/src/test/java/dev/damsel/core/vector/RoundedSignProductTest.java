package dev.damsel.core.vector;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The step's 16-bit kernels: the sign product of rounded coefficients, the column magnitudes it is scaled by, and the
 * banded sign update; hand-computed values, the written definitions, and Panama against scalar bit for bit.
 */
class RoundedSignProductTest {
    private final VectorOps scalar = new ScalarVectorOps();

    @Test
    void aSmallRoundedProductHasTheHandComputedValues() {
        // A is 2×5 by columns: rows (1.2, 2.5, 3.5, −4.4, 5) and (−1, 0.26, 2, −3, 10), scaled by 2 and 0.5.
        // Row 0 scaled: 2.4, 5, 7, −8.8, 10 → 2, 5, 7, −9, 10 (errors 0.4 + 0.2 = 0.6, up to float rounding).
        // Row 1 scaled: −0.5, 0.13, 1, −1.5, 5 → −0 (ties to even), 0, 1, −2, 5 (errors 0.5 + 0.13 + 0.5 = 1.13).
        // S is SignProductTest's hand matrix.
        float[] a = {1.2f, -1, 2.5f, 0.26f, 3.5f, 2, -4.4f, -3, 5, 10};
        float[] c = new float[6];
        float[] error = new float[2];
        scalar.signProductRounded(2, a, 0, 2, new float[]{2, 0.5f}, SignProductTest.handSigns(), c, 0, 3, error);
        assertThat(c).containsExactly(
                2 + 5 + 7 - 9 + 10, 2 - 5 + 7 + 9 + 10, -2 - 5 - 7 + 9 + 10,
                0 + 0 + 1 - 2 + 5, 0 - 0 + 1 + 2 + 5, -0 - 0 - 1 + 2 + 5);
        assertThat(error[0]).isCloseTo(0.6f, within(1e-5f));
        assertThat(error[1]).isCloseTo(1.13f, within(1e-5f));
    }

    @Test
    void theRoundedProductIsTheIntegerProductOfItsDefinition() {
        SplittableRandom random = new SplittableRandom(8);
        for (int trial = 0; trial < 40; trial++) {
            int m = 1 + random.nextInt(70);
            int k = 1 + random.nextInt(90);
            int n = 1 + random.nextInt(40);
            float[] a = VectorOpsTest.floats(k * m, random);
            float[] scale = new float[m];
            for (int i = 0; i < m; i++) {
                scale[i] = (float) (200 * random.nextDouble()); // |A| ≤ 1: Σ|Q| stays under 32767 for k < 160
            }
            float[] sMatrix = VectorOpsTest.signs(k * n, random);
            SignMatrix signs = Vectors.signMatrix(k, n, sMatrix, 0, n);
            float[] c = new float[m * n];
            float[] error = new float[m];
            scalar.signProductRounded(m, a, 0, m, scale, signs, c, 0, n, error);
            for (int i = 0; i < m; i++) {
                float err = 0f;
                long[] q = new long[k];
                for (int p = 0; p < k; p++) {
                    float scaled = a[p * m + i] * scale[i];
                    q[p] = Math.round(Math.rint(scaled));
                    err += Math.abs(scaled - q[p]);
                }
                assertThat(error[i]).isEqualTo(err);
                for (int j = 0; j < n; j++) {
                    long sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum += sMatrix[p * n + j] > 0 ? q[p] : -q[p];
                    }
                    assertThat(c[i * n + j]).as("C(%d, %d)", i, j).isEqualTo((float) sum);
                }
            }
        }
    }

    @Test
    void panamaEqualsTheScalarReferenceBitForBitOnAwkwardShapes() {
        VectorOps panama = panama();
        SplittableRandom random = new SplittableRandom(9);
        int[] rows = {1, 7, 8, 15, 16, 17, 31, 63, 64, 65, 130};
        int[] depths = {1, 3, 4, 5, 13, 64, 65, 255};
        int[] widths = {1, 2, 3, 5, 64, 65, 257};
        for (int m : rows) {
            for (int k : depths) {
                for (int n : widths) {
                    int lda = m + 3;
                    int ldc = n + 2;
                    float[] a = VectorOpsTest.floats(2 + k * lda, random);
                    // Scales that wrap the 16-bit sums for the deep products: both must wrap alike.
                    float[] scale = new float[m];
                    for (int i = 0; i < m; i++) {
                        scale[i] = (float) (5000 * random.nextDouble());
                    }
                    SignMatrix s = Vectors.signMatrix(k, n, VectorOpsTest.signs(k * (n + 1), random), 1, n + 1);
                    float[] expected = VectorOpsTest.floats(1 + m * ldc, random);
                    float[] actual = expected.clone();
                    float[] expectedError = new float[m];
                    float[] actualError = new float[m];
                    scalar.signProductRounded(m, a, 2, lda, scale, s, expected, 1, ldc, expectedError);
                    panama.signProductRounded(m, a, 2, lda, scale, s, actual, 1, ldc, actualError);
                    assertThat(actual).as("%dx%dx%d", m, k, n).isEqualTo(expected);
                    assertThat(actualError).as("errors %dx%dx%d", m, k, n).isEqualTo(expectedError);
                }
            }
        }
    }

    @Test
    void columnMagnitudesAreTheirDefinitionInEveryImplementation() {
        float[] a = {1, -2, 3,
                     -4, 5, -6};
        float[] sums = new float[3];
        float[] maxima = new float[3];
        scalar.absColumnSums(2, 3, a, 0, 3, sums, maxima);
        assertThat(sums).containsExactly(5, 7, 9);
        assertThat(maxima).containsExactly(4, 5, 6);
        VectorOps panama = panama();
        SplittableRandom random = new SplittableRandom(10);
        for (int cols : new int[]{1, 7, 8, 9, 33, 130}) {
            for (int rows : new int[]{1, 5, 64}) {
                float[] data = VectorOpsTest.floats(1 + rows * (cols + 2), random);
                data[random.nextInt(data.length)] = Float.NaN;
                float[] expected = new float[cols];
                float[] expectedMaxima = new float[cols];
                float[] actual = new float[cols];
                float[] actualMaxima = new float[cols];
                scalar.absColumnSums(rows, cols, data, 1, cols + 2, expected, expectedMaxima);
                panama.absColumnSums(rows, cols, data, 1, cols + 2, actual, actualMaxima);
                assertThat(actual).isEqualTo(expected);
                assertThat(actualMaxima).isEqualTo(expectedMaxima);
            }
        }
    }

    @Test
    void theBandedStepDecidesOnlyClearDrivesAndMarksTheRest() {
        // diag = 1, band = 2: x = +1 needs drive > 1 for +1 and < −3 for −1; x = −1 needs > 3 and < −1.
        float[] x = {1, 1, 1, -1, -1, -1, 1};
        float[] drive = {1.5f, -3.5f, 1f, 3.5f, -1.5f, 0f, Float.NaN};
        int result = scalar.bandedSignStep(drive, 0, 1.0, 2.0, x, 0, 7);
        assertThat(x).containsExactly(1, -1, 1, 1, -1, -1, 1);
        assertThat(drive[0]).isEqualTo(1.5f);
        assertThat(drive[1]).isEqualTo(-3.5f);
        assertThat(drive[2]).isNaN(); // exactly on the threshold: not decided
        assertThat(drive[5]).isNaN();
        assertThat(drive[6]).isNaN();
        assertThat(result).isEqualTo(2 * 3 + 1);
        float[] settled = {1, -1};
        assertThat(scalar.bandedSignStep(new float[]{5, -5}, 0, 0.0, 1.0, settled, 0, 2)).isEqualTo(0);
    }

    @Test
    void panamaBandedStepsEqualTheScalarReference() {
        VectorOps panama = panama();
        SplittableRandom random = new SplittableRandom(11);
        for (int n : new int[]{1, 7, 8, 9, 15, 16, 23, 24, 31, 64, 255, 257}) {
            for (int trial = 0; trial < 30; trial++) {
                double diag = random.nextGaussian() * 3;
                double band = trial % 5 == 0 ? 0 : Math.abs(random.nextGaussian() * 2);
                float[] drive = new float[n + 1];
                for (int j = 0; j < drive.length; j++) {
                    drive[j] = switch (random.nextInt(6)) {
                        case 0 -> (float) (band - diag);        // on a threshold, rounded to float
                        case 1 -> (float) (-band + diag);
                        case 2 -> Float.NaN;
                        default -> (float) (random.nextGaussian() * 4);
                    };
                }
                float[] state = VectorOpsTest.signs(n + 2, random);
                float[] expected = state.clone();
                float[] actual = state.clone();
                float[] expectedDrive = drive.clone();
                float[] actualDrive = drive.clone();
                int e = scalar.bandedSignStep(expectedDrive, 1, diag, band, expected, 2, n);
                int a = panama.bandedSignStep(actualDrive, 1, diag, band, actual, 2, n);
                assertThat(actual).isEqualTo(expected);
                assertThat(actualDrive).isEqualTo(expectedDrive);
                assertThat(a).isEqualTo(e);
            }
        }
    }

    @Test
    void theFacadeChecksItsArguments() {
        SignMatrix s = Vectors.signMatrix(4, 3, new float[12], 0, 3);
        assertThatThrownBy(() -> Vectors.signProductRounded(2, new float[7], 0, 2, new float[2], s, new float[6], 0,
                3, new float[2])).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Vectors.signProductRounded(2, new float[8], 0, 2, new float[1], s, new float[6], 0,
                3, new float[2])).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Vectors.signProductRounded(2, new float[8], 0, 2, new float[2], s, new float[6], 0,
                2, new float[2])).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("C is 2 x 3");
        assertThatThrownBy(() -> Vectors.absColumnSums(2, 3, new float[5], 0, 3, new float[3], new float[3]))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Vectors.absColumnSums(2, 3, new float[6], 0, 3, new float[3], new float[2]))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> Vectors.bandedSignStep(new float[3], 0, 0.0, -1.0, new float[3], 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("band");
        assertThatThrownBy(() -> Vectors.bandedSignStep(new float[3], 0, 0.0, Double.NaN, new float[3], 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("band");
    }

    private static VectorOps panama() {
        var loaded = VectorOpsProvider.loadPanama();
        assumeTrue(loaded.isPresent(), VectorOpsProvider.whyNotPanama());
        return loaded.get();
    }
}
