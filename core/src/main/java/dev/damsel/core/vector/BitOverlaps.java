package dev.damsel.core.vector;

/**
 * The scalar kernel of {@link VectorOps#bitOverlapsMapped}: overlaps of bit-packed ±1 rows,
 * {@code N − 2·popcount(a XOR b)}, read through two tables. The reference implementation, and the one the Panama
 * implementation keeps for rows of four words, where its register-blocked loop is as fast as the vector kernel.
 */
final class BitOverlaps {
    private BitOverlaps() {
    }

    /** {@link VectorOps#bitOverlapsMapped}, arguments unchecked. */
    static void mapped(long[] a, int aOff, int rowsA, long[] b, int rowsB, int n, float[] first, double[] second,
                       float[] out, int outOff, double[] sums) {
        int words = Vectors.words(n);
        if (words == 4) {
            mapped4(a, aOff, rowsA, b, rowsB, n, first, second, out, outOff, sums);
            return;
        }
        // Blocked two rows of a by four of b, like bitOverlaps; table index n + (n − 2d) = 2(n − d).
        int i = 0;
        for (; i + 2 <= rowsA; i += 2) {
            int a0 = aOff + i * words;
            int a1 = a0 + words;
            int o = outOff + i * rowsB;
            int j = 0;
            for (; j + 4 <= rowsB; j += 4) {
                int b0 = j * words;
                int b1 = b0 + words;
                int b2 = b1 + words;
                int b3 = b2 + words;
                int d00 = 0;
                int d01 = 0;
                int d02 = 0;
                int d03 = 0;
                int d10 = 0;
                int d11 = 0;
                int d12 = 0;
                int d13 = 0;
                for (int w = 0; w < words; w++) {
                    long x0 = a[a0 + w];
                    long x1 = a[a1 + w];
                    long y0 = b[b0 + w];
                    long y1 = b[b1 + w];
                    long y2 = b[b2 + w];
                    long y3 = b[b3 + w];
                    d00 += Long.bitCount(x0 ^ y0);
                    d01 += Long.bitCount(x0 ^ y1);
                    d02 += Long.bitCount(x0 ^ y2);
                    d03 += Long.bitCount(x0 ^ y3);
                    d10 += Long.bitCount(x1 ^ y0);
                    d11 += Long.bitCount(x1 ^ y1);
                    d12 += Long.bitCount(x1 ^ y2);
                    d13 += Long.bitCount(x1 ^ y3);
                }
                pair(2 * (n - d00), 2 * (n - d10), first, second, out, o + j, rowsB, sums, j);
                pair(2 * (n - d01), 2 * (n - d11), first, second, out, o + j + 1, rowsB, sums, j + 1);
                pair(2 * (n - d02), 2 * (n - d12), first, second, out, o + j + 2, rowsB, sums, j + 2);
                pair(2 * (n - d03), 2 * (n - d13), first, second, out, o + j + 3, rowsB, sums, j + 3);
            }
            for (; j < rowsB; j++) {
                int h0 = bitOverlapUnchecked(a, a0, b, j * words, words, n) + n;
                int h1 = bitOverlapUnchecked(a, a1, b, j * words, words, n) + n;
                pair(h0, h1, first, second, out, o + j, rowsB, sums, j);
            }
        }
        for (; i < rowsA; i++) {
            for (int j = 0; j < rowsB; j++) {
                int h = bitOverlapUnchecked(a, aOff + i * words, b, j * words, words, n) + n;
                out[outOff + i * rowsB + j] = first[h];
                sums[j] += second[h];
            }
        }
    }

    /**
     * {@link #mapped} for four words a row (193 to 256 units), where the blocked loop's inner loop is too short to
     * pay: one row of b stays in registers, with its sum, while the rows of a stream past. One row rather than two,
     * and running indices rather than products: with two rows C2 ran out of registers and reloaded them from the
     * stack every iteration (1.4 against 1.0 popcounts a nanosecond, measured).
     */
    private static void mapped4(long[] a, int aOff, int rowsA, long[] b, int rowsB, int n, float[] first,
                                double[] second, float[] out, int outOff, double[] sums) {
        int end = aOff + 4 * rowsA;
        for (int j = 0; j < rowsB; j++) {
            int q = j * 4;
            long p0 = b[q];
            long p1 = b[q + 1];
            long p2 = b[q + 2];
            long p3 = b[q + 3];
            double s = sums[j];
            int o = outOff + j;
            for (int w = aOff; w < end; w += 4) {
                int h = 2 * (n - (Long.bitCount(p0 ^ a[w]) + Long.bitCount(p1 ^ a[w + 1])
                        + (Long.bitCount(p2 ^ a[w + 2]) + Long.bitCount(p3 ^ a[w + 3]))));
                out[o] = first[h];
                s += second[h];
                o += rowsB;
            }
            sums[j] = s;
        }
    }

    /** Two vertically adjacent entries of {@link #mapped}, upper row first. */
    private static void pair(int h0, int h1, float[] first, double[] second, float[] out, int o, int rowsB,
                               double[] sums, int j) {
        out[o] = first[h0];
        out[o + rowsB] = first[h1];
        sums[j] = sums[j] + second[h0] + second[h1];
    }

    private static int bitOverlapUnchecked(long[] a, int aOff, long[] b, int bOff, int words, int n) {
        int differ = 0;
        for (int w = 0; w < words; w++) {
            differ += Long.bitCount(a[aOff + w] ^ b[bOff + w]);
        }
        return n - 2 * differ;
    }
}
