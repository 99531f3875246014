package dev.damsel.core.vector;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link PanamaBitOverlaps#mapped} against the scalar kernel ({@link BitOverlaps#mapped}), bit for bit, out and sums
 * both. The kernel needs {@code jdk.incubator.vector}: without the module its first call throws {@code NoClassDefFoundError}
 * for a {@code jdk/incubator/vector} class, so each test assumes the module is there before it names the kernel, and
 * this class still loads, its tests skipped, on a JVM started without the module.
 */
class PanamaBitOverlapsTest {
    private static final int[] UNITS = {1, 63, 64, 65, 255, 256, 257, 449, 511, 512, 513, 1000, 1024, 2047, 4100};
    private static final int[] MEMORIES = {1, 2, 3, 7};
    private static final int[] PROBES = {1, 3, 4, 5, 9, 130};
    private static final float UNTOUCHED = -12345f;

    @Test
    void equalsTheScalarKernelBitForBitOnAwkwardShapes() {
        assumePanama();
        SplittableRandom random = new SplittableRandom(31);
        for (int n : UNITS) {
            for (int rowsA : MEMORIES) {
                for (int rowsB : PROBES) {
                    int words = Vectors.words(n);
                    long[] a = rows(rowsA, n, 1 + rowsA % 3 * words, random);
                    long[] b = rows(rowsB, n, 0, random);
                    assertAgree(a, 1 + rowsA % 3 * words, rowsA, b, rowsB, n, random);
                }
            }
        }
    }

    /** Rows over {@link PanamaBitOverlaps#CHUNK} words are counted a chunk at a time. */
    @Test
    void longRowsAgreeAcrossChunks() {
        assumePanama();
        SplittableRandom random = new SplittableRandom(32);
        int chunkUnits = 64 * PanamaBitOverlaps.CHUNK;
        for (int n : new int[]{chunkUnits - 1, chunkUnits, chunkUnits + 1, chunkUnits + 200, 2 * chunkUnits + 3}) {
            for (int[] shape : new int[][]{{1, 1}, {3, 5}, {2, 9}}) {
                long[] a = rows(shape[0], n, 2, random);
                long[] b = rows(shape[1], n, 0, random);
                assertAgree(a, 2, shape[0], b, shape[1], n, random);
            }
        }
    }

    /**
     * Distances 0 and n, and rows all set or all clear, fill the byte counters to their bounds: every bit of a chunk
     * differs, or none does.
     */
    @Test
    void extremeDistancesAgree() {
        assumePanama();
        SplittableRandom random = new SplittableRandom(33);
        for (int n : new int[]{1, 64, 257, 512, 1984, 2048, 4100, 64 * PanamaBitOverlaps.CHUNK + 65}) {
            int words = Vectors.words(n);
            long[] b = rows(5, n, 0, random);
            long[] a = new long[4 * words];
            for (int w = 0; w < words; w++) {
                long used = usedBits(n, w);
                a[w] = ~b[w] & used;         // the complement of probe 0: distance n
                a[words + w] = b[w];         // probe 0 itself: distance 0
                a[3 * words + w] = used;     // all set; row 2 stays all clear
            }
            assertAgree(a, 0, 4, b, 5, n, random);
        }
    }

    private static void assumePanama() {
        assumeTrue(VectorOpsProvider.loadPanama().isPresent(), VectorOpsProvider.whyNotPanama());
    }

    /**
     * Runs both kernels on the same rows, with random tables and sums that start away from zero, into outputs with a
     * margin that must stay untouched, and compares their bits.
     */
    private static void assertAgree(long[] a, int aOff, int rowsA, long[] b, int rowsB, int n,
                                    SplittableRandom random) {
        String shape = String.format("n=%d %dx%d", n, rowsA, rowsB);
        float[] first = VectorOpsTest.floats(2 * n + 1, random);
        double[] second = spread(2 * n + 1, random);
        double[] expectedSums = spread(rowsB, random);
        double[] actualSums = expectedSums.clone();
        int outOff = 1 + rowsB % 4;
        float[] expected = new float[outOff + rowsA * rowsB + 2];
        Arrays.fill(expected, UNTOUCHED);
        float[] actual = expected.clone();
        BitOverlaps.mapped(a, aOff, rowsA, b, rowsB, n, first, second, expected, outOff, expectedSums);
        PanamaBitOverlaps.mapped(a, aOff, rowsA, b, rowsB, n, first, second, actual, outOff, actualSums);
        assertThat(bits(actual)).as("%s out", shape).isEqualTo(bits(expected));
        assertThat(bits(actualSums)).as("%s sums", shape).isEqualTo(bits(expectedSums));
        assertThat(actual[0]).as("%s margin", shape).isEqualTo(UNTOUCHED);
        assertThat(actual[actual.length - 1]).as("%s margin", shape).isEqualTo(UNTOUCHED);
    }

    /**
     * Random packed ±1 rows of n units from {@code off} on (padding bits clear, as the contract demands), after
     * {@code off} words of noise that the kernels must not read.
     */
    private static long[] rows(int count, int n, int off, SplittableRandom random) {
        int words = Vectors.words(n);
        long[] out = new long[off + count * words + 1];
        for (int k = 0; k < out.length; k++) {
            out[k] = random.nextLong();
        }
        for (int r = 0; r < count; r++) {
            for (int w = 0; w < words; w++) {
                out[off + r * words + w] &= usedBits(n, w);
            }
        }
        return out;
    }

    /** The bits of word w that hold units of an n-unit row. */
    private static long usedBits(int n, int w) {
        int used = n - 64 * w;
        return used >= 64 ? -1L : (1L << used) - 1;
    }

    /** Values of both signs over many binades, so that adding them in another order would change the sums' bits. */
    private static double[] spread(int n, SplittableRandom random) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = Math.scalb(2 * random.nextDouble() - 1, random.nextInt(-30, 31));
        }
        return out;
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = Float.floatToRawIntBits(values[k]);
        }
        return out;
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = Double.doubleToRawLongBits(values[k]);
        }
        return out;
    }
}
