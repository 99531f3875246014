package dev.damsel.core.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * {@link PanamaVectorOps}'s kernels of the 16-bit sign product and its companions: the column magnitudes and the
 * rounding that make 16-bit coefficients of float ones, and the sign update that decides only the units whose
 * approximate drive clears a band. Same operations as {@link ScalarVectorOps}, lane by lane, so the same values.
 *
 * <p>The sign product is {@link PanamaVectorOps#signProduct}'s method of four Russians (Arlazarov, Dinic, Kronrod
 * &amp; Faradzev 1970) with 16-bit lanes: a vector holds twice the rows of a float vector, so one table entry read
 * through a code adds into twice the rows for the same loads. Four vectors of rows a pass ({@link #SHORT_ROWS}, 64 at
 * 256 bits), tables in blocks of {@link #GROUPS} groups (12 × 16 entries × 64 lanes × 2 bytes = 24 KB, in L1), two
 * columns of S at a time into eight accumulators.
 */
final class PanamaShortKernels {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Short> SS = ShortVector.SPECIES_PREFERRED;
    private static final int FL = FS.length();
    private static final int SL = SS.length();
    /** Vectors of lanes per pass. */
    private static final int VECTORS = 4;
    /** Rows of A per pass. */
    static final int SHORT_ROWS = VECTORS * SL;
    /**
     * Groups per block of tables: 12 × 16 entries × 64 lanes × 2 bytes = 24 KB, which leaves a quarter of a 32 KB L1
     * for the sums and codes that stream past. Measured against 16 (the float product's count, whose tables then fill
     * the L1), 10 and 8 in alternated {@code damsel bench step} runs at N = 256, K = 512, B = 128: median 388k probes/s
     * against 345k for 16, and 1.07 times as fast as 16 at N = 1024, K = 4096, B = 1024.
     */
    private static final int GROUPS = 12;
    private static final int ROW_SHIFT = Integer.numberOfTrailingZeros(SHORT_ROWS);
    private static final int TABLE_SHIFT = ROW_SHIFT + SignMatrix.GROUP;
    /** 1.5·2^23: a float of magnitude under 2^22 plus this is rounded to an integer, held in the low mantissa bits. */
    private static final float ROUNDING = 12_582_912f;
    private static final int ROUNDING_BITS = Float.floatToRawIntBits(ROUNDING);
    /** The reference kernels, for the units past the last whole vector. */
    private static final ScalarVectorOps SCALAR = new ScalarVectorOps();
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private PanamaShortKernels() {
    }

    static void absColumnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, float[] maxima) {
        int j = 0;
        for (; j + FL <= cols; j += FL) {
            FloatVector sum = FloatVector.zero(FS);
            FloatVector max = FloatVector.zero(FS);
            for (int i = 0; i < rows; i++) {
                FloatVector v = FloatVector.fromArray(FS, a, aOff + i * lda + j).abs();
                sum = sum.add(v);
                max = max.max(v);
            }
            sum.intoArray(sums, j);
            max.intoArray(maxima, j);
        }
        ScalarVectorOps.absColumnSums(rows, j, cols, a, aOff, lda, sums, maxima);
    }

    static void signProductRounded(int m, float[] a, int aOff, int lda, float[] scale, SignMatrix s, float[] c,
                                   int cOff, int ldc, float[] error) {
        int k = s.rows;
        int n = s.cols;
        int groups = s.groups;
        Scratch scratch = SCRATCH.get();
        // One spare column of sums: an odd last column runs paired with itself, its twin's sums going there.
        short[] acc = scratch.sums((n + 1) * SHORT_ROWS);
        float[] staged = scratch.staged;
        short[] rounded = scratch.rounded;
        short[] tables = scratch.tables;
        float[] laneScale = scratch.laneScale;
        float[] laneError = scratch.laneError;
        for (int i0 = 0; i0 < m; i0 += SHORT_ROWS) {
            int rows = Math.min(SHORT_ROWS, m - i0);
            Arrays.fill(acc, 0, n * SHORT_ROWS, (short) 0);
            Arrays.fill(laneScale, 0f);
            System.arraycopy(scale, i0, laneScale, 0, rows);
            Arrays.fill(laneError, 0f);
            for (int g0 = 0; g0 < groups; g0 += GROUPS) {
                int count = Math.min(GROUPS, groups - g0);
                for (int g = 0; g < count; g++) {
                    int p = SignMatrix.GROUP * (g0 + g);
                    int to = g << TABLE_SHIFT;
                    if (rows == SHORT_ROWS && p + SignMatrix.GROUP <= k) {
                        roundedTables(a, aOff + p * lda + i0, lda, laneScale, laneError, rounded, tables, to);
                    } else {
                        PanamaVectorOps.stage(a, aOff + i0, lda, rows, p, k, staged, SHORT_ROWS);
                        roundedTables(staged, 0, SHORT_ROWS, laneScale, laneError, rounded, tables, to);
                    }
                }
                addEntries(s.codes, groups, g0, count, n, tables, acc);
            }
            for (int r = 0; r < rows; r++) {
                int lane = lane(r);
                error[i0 + r] = laneError[r];
                int row = cOff + (i0 + r) * ldc;
                for (int j = 0; j < n; j++) {
                    c[row + j] = acc[(j << ROW_SHIFT) + lane];
                }
            }
        }
    }

    /**
     * The 16-bit lane of row r of a pass: a short vector holds the rounded values of two float vectors of rows,
     * interleaved (the first's row t in lane 2t, the second's in lane 2t + 1), which is how two vectors of 32-bit
     * integers become one of 16-bit ones without a lane conversion (not compiled to vector code on Java 17).
     */
    private static int lane(int r) {
        int v = r / SL;
        int t = r % SL;
        return v * SL + (t < FL ? 2 * t : 2 * (t - FL) + 1);
    }

    /**
     * One group's table for all lanes, from four lane rows of A {@code stride} apart: each value scaled by its row's
     * scale and rounded into {@code rounded} (its rounding error added to its row's sum, in the order of the group's
     * four columns), then tabulated from there. Vectors pass between methods only through arrays: a vector argument
     * of a method C2 does not inline is boxed on the heap.
     */
    private static void roundedTables(float[] src, int at, int stride, float[] laneScale, float[] laneError,
                                      short[] rounded, short[] tables, int to) {
        for (int t = 0; t < SignMatrix.GROUP; t++) {
            round(src, at + t * stride, laneScale, laneError, rounded, t * SHORT_ROWS);
        }
        for (int v = 0; v < SHORT_ROWS; v += SL) {
            table(rounded, v, SHORT_ROWS, tables, to + v);
        }
    }

    /**
     * One lane row of A from {@code at}, times the rows' scales, rounded to the nearest integer (ties to even) by
     * adding and subtracting 1.5·2^23, which leaves the integer in the low bits of the sum's bits; each two float
     * vectors' integers are packed, by their low 16 bits, into one short vector (see {@link #lane}).
     */
    private static void round(float[] src, int at, float[] laneScale, float[] laneError, short[] out, int to) {
        for (int v = 0; v < SHORT_ROWS; v += SL) {
            FloatVector p0 = FloatVector.fromArray(FS, src, at + v).mul(FloatVector.fromArray(FS, laneScale, v));
            FloatVector p1 = FloatVector.fromArray(FS, src, at + v + FL)
                    .mul(FloatVector.fromArray(FS, laneScale, v + FL));
            FloatVector m0 = p0.add(ROUNDING);
            FloatVector m1 = p1.add(ROUNDING);
            FloatVector.fromArray(FS, laneError, v).add(p0.sub(m0.sub(ROUNDING)).abs()).intoArray(laneError, v);
            FloatVector.fromArray(FS, laneError, v + FL).add(p1.sub(m1.sub(ROUNDING)).abs())
                    .intoArray(laneError, v + FL);
            IntVector q0 = m0.reinterpretAsInts().sub(ROUNDING_BITS);
            IntVector q1 = m1.reinterpretAsInts().sub(ROUNDING_BITS);
            q0.and(0xffff).or(q1.lanewise(VectorOperators.LSHL, 16)).reinterpretAsShorts().intoArray(out, to + v);
        }
    }

    /** One vector of lanes of one group's table ({@link SignMatrix#table}'s operations lane by lane). */
    private static void table(short[] src, int at, int stride, short[] tables, int to) {
        ShortVector a0 = ShortVector.fromArray(SS, src, at);
        ShortVector a1 = ShortVector.fromArray(SS, src, at + stride);
        ShortVector a2 = ShortVector.fromArray(SS, src, at + 2 * stride);
        ShortVector a3 = ShortVector.fromArray(SS, src, at + 3 * stride);
        ShortVector n0 = a0.neg();
        ShortVector u0 = n0.sub(a1);
        ShortVector u1 = a0.sub(a1);
        ShortVector u2 = n0.add(a1);
        ShortVector u3 = a0.add(a1);
        ShortVector v0 = a2.neg().sub(a3);
        ShortVector v1 = a2.sub(a3);
        // Entry c and its negation, entry 15 − c, stored in place: a helper taking the vector was not inlined by C2
        // (the table is large), and a vector handed to a call is boxed.
        int last = (SignMatrix.TABLE - 1) << ROW_SHIFT;
        int step = 1 << ROW_SHIFT;
        ShortVector e0 = u0.add(v0);
        ShortVector e1 = u1.add(v0);
        ShortVector e2 = u2.add(v0);
        ShortVector e3 = u3.add(v0);
        ShortVector e4 = u0.add(v1);
        ShortVector e5 = u1.add(v1);
        ShortVector e6 = u2.add(v1);
        ShortVector e7 = u3.add(v1);
        e0.intoArray(tables, to);
        e1.intoArray(tables, to + step);
        e2.intoArray(tables, to + 2 * step);
        e3.intoArray(tables, to + 3 * step);
        e4.intoArray(tables, to + 4 * step);
        e5.intoArray(tables, to + 5 * step);
        e6.intoArray(tables, to + 6 * step);
        e7.intoArray(tables, to + 7 * step);
        e0.neg().intoArray(tables, to + last);
        e1.neg().intoArray(tables, to + last - step);
        e2.neg().intoArray(tables, to + last - 2 * step);
        e3.neg().intoArray(tables, to + last - 3 * step);
        e4.neg().intoArray(tables, to + last - 4 * step);
        e5.neg().intoArray(tables, to + last - 5 * step);
        e6.neg().intoArray(tables, to + last - 6 * step);
        e7.neg().intoArray(tables, to + last - 7 * step);
    }

    /**
     * The entries of groups {@code g0} to {@code g0 + count − 1} added into the sums of all n columns, two columns at
     * a time into eight accumulators; an odd last column runs paired with itself, its twin's sums going to the spare
     * column. The loop over columns is in here rather than in the caller: C2 does not inline a method this large, and
     * a call per pair of columns (128 a block of tables at N = 256) cost about a tenth of the loop's time.
     */
    private static void addEntries(byte[] codes, int groups, int g0, int count, int n, short[] tables, short[] acc) {
        for (int j = 0; j < n; j += 2) {
            int c0 = j * groups + g0;
            int c1 = j + 1 < n ? c0 + groups : c0;
            int at = j << ROW_SHIFT;
            int at1 = at + SHORT_ROWS;
            ShortVector s00 = ShortVector.fromArray(SS, acc, at);
            ShortVector s01 = ShortVector.fromArray(SS, acc, at + SL);
            ShortVector s02 = ShortVector.fromArray(SS, acc, at + 2 * SL);
            ShortVector s03 = ShortVector.fromArray(SS, acc, at + 3 * SL);
            ShortVector s10 = ShortVector.fromArray(SS, acc, at1);
            ShortVector s11 = ShortVector.fromArray(SS, acc, at1 + SL);
            ShortVector s12 = ShortVector.fromArray(SS, acc, at1 + 2 * SL);
            ShortVector s13 = ShortVector.fromArray(SS, acc, at1 + 3 * SL);
            for (int g = 0; g < count; g++) {
                int t = g << TABLE_SHIFT;
                int e0 = t + (codes[c0 + g] << ROW_SHIFT);
                int e1 = t + (codes[c1 + g] << ROW_SHIFT);
                s00 = s00.add(ShortVector.fromArray(SS, tables, e0));
                s01 = s01.add(ShortVector.fromArray(SS, tables, e0 + SL));
                s02 = s02.add(ShortVector.fromArray(SS, tables, e0 + 2 * SL));
                s03 = s03.add(ShortVector.fromArray(SS, tables, e0 + 3 * SL));
                s10 = s10.add(ShortVector.fromArray(SS, tables, e1));
                s11 = s11.add(ShortVector.fromArray(SS, tables, e1 + SL));
                s12 = s12.add(ShortVector.fromArray(SS, tables, e1 + 2 * SL));
                s13 = s13.add(ShortVector.fromArray(SS, tables, e1 + 3 * SL));
            }
            s00.intoArray(acc, at);
            s01.intoArray(acc, at + SL);
            s02.intoArray(acc, at + 2 * SL);
            s03.intoArray(acc, at + 3 * SL);
            s10.intoArray(acc, at1);
            s11.intoArray(acc, at1 + SL);
            s12.intoArray(acc, at1 + 2 * SL);
            s13.intoArray(acc, at1 + 3 * SL);
        }
    }

    /**
     * In float lanes, on w = x·d (exact for x = ±1): x stays where {@code w > band − diag} and flips where
     * {@code w < −band − diag}, for either value of x (the scalar reference's two thresholds for x = −1 are the
     * negations of these, and rounding to nearest is symmetric). For a float w and a double t, {@code w > t} exactly
     * when w is at least the smallest float above t, and {@code w < t} exactly when w is at most the largest float
     * below t: the reference's decisions bit for bit.
     *
     * <p>Two vectors an iteration share one branch on whether any of their lanes is undecided (rare near a memory):
     * in JMH at N = 256 and 1024 that ran 1.2–1.4 times as fast as one vector and one branch an iteration, and four
     * vectors an iteration were slower than two.
     */
    static int bandedSignStep(float[] drive, int dOff, double diag, double band, float[] x, int xOff, int n) {
        FloatVector keepAbove = FloatVector.broadcast(FS, FloatThresholds.smallestAbove(band - diag));
        FloatVector flipBelow = FloatVector.broadcast(FS, FloatThresholds.largestBelow(-band - diag));
        FloatVector nan = FloatVector.broadcast(FS, Float.NaN);
        VectorMask<Float> flipped = FS.maskAll(false);
        int left = 0;
        int j = 0;
        // Two vectors an iteration, one branch for both: most vectors have every lane decided.
        for (; j + 2 * FL <= n; j += 2 * FL) {
            FloatVector old0 = FloatVector.fromArray(FS, x, xOff + j);
            FloatVector old1 = FloatVector.fromArray(FS, x, xOff + j + FL);
            FloatVector d0 = FloatVector.fromArray(FS, drive, dOff + j);
            FloatVector d1 = FloatVector.fromArray(FS, drive, dOff + j + FL);
            FloatVector w0 = d0.mul(old0);
            FloatVector w1 = d1.mul(old1);
            VectorMask<Float> keep0 = w0.compare(VectorOperators.GE, keepAbove);
            VectorMask<Float> keep1 = w1.compare(VectorOperators.GE, keepAbove);
            VectorMask<Float> flip0 = w0.compare(VectorOperators.LE, flipBelow);
            VectorMask<Float> flip1 = w1.compare(VectorOperators.LE, flipBelow);
            old0.blend(old0.neg(), flip0).intoArray(x, xOff + j);
            old1.blend(old1.neg(), flip1).intoArray(x, xOff + j + FL);
            flipped = flipped.or(flip0).or(flip1);
            VectorMask<Float> decided0 = keep0.or(flip0);
            VectorMask<Float> decided1 = keep1.or(flip1);
            if (!decided0.and(decided1).allTrue()) {
                nan.blend(d0, decided0).intoArray(drive, dOff + j);
                nan.blend(d1, decided1).intoArray(drive, dOff + j + FL);
                left += 2 * FL - decided0.trueCount() - decided1.trueCount();
            }
        }
        for (; j + FL <= n; j += FL) {
            FloatVector old = FloatVector.fromArray(FS, x, xOff + j);
            FloatVector d = FloatVector.fromArray(FS, drive, dOff + j);
            FloatVector w = d.mul(old);
            VectorMask<Float> keep = w.compare(VectorOperators.GE, keepAbove);
            VectorMask<Float> flip = w.compare(VectorOperators.LE, flipBelow);
            old.blend(old.neg(), flip).intoArray(x, xOff + j);
            flipped = flipped.or(flip);
            VectorMask<Float> decided = keep.or(flip);
            if (!decided.allTrue()) {
                nan.blend(d, decided).intoArray(drive, dOff + j);
                left += FL - decided.trueCount();
            }
        }
        int tail = j < n ? SCALAR.bandedSignStep(drive, dOff + j, diag, band, x, xOff + j, n - j) : 0;
        left += tail >>> 1;
        boolean changed = flipped.anyTrue() || (tail & 1) != 0;
        return 2 * left + (changed ? 1 : 0);
    }

    /** A thread's arrays for {@link #signProductRounded}: a staged group, a block's tables, the lanes' scales and
     * rounding errors, and the sums. */
    private static final class Scratch {
        final float[] staged = new float[SignMatrix.GROUP * SHORT_ROWS];
        final short[] rounded = new short[SignMatrix.GROUP * SHORT_ROWS];
        final float[] laneScale = new float[SHORT_ROWS];
        final float[] laneError = new float[SHORT_ROWS];
        final short[] tables = new short[GROUPS * SignMatrix.TABLE * SHORT_ROWS];
        private short[] sums = new short[0];

        short[] sums(int size) {
            if (sums.length < size) {
                sums = new short[size];
            }
            return sums;
        }
    }
}
