package dev.damsel.core.vector;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.XOR;

/**
 * {@link Vectors#bitOverlapsMapped} on the Vector API: the same contract and the same results bit for bit, the sums
 * included (each {@code sums[j]} gets its {@code second[h_ij + n]} added one at a time, i ascending, as in the scalar
 * code). It needs {@code jdk.incubator.vector}, so it is for {@code PanamaVectorOps} (which the provider loads by name)
 * to call, not for code that must run without the module. The arguments are range-checked by the caller.
 *
 * <p><b>Layout.</b> Java 17's Vector API has no lane popcount, so the counting is SWAR on 256-bit vectors of four
 * longs, one lane a probe (a row of b). The probes are transposed, four at a time, into a thread-local scratch so that
 * word w of the four is one vector: {@code probes[(block·words + w)·4 + lane]}. For each row of a (a memory) and each
 * block of four probes the kernel XORs the block's word w with word w of the memory broadcast to all lanes (a
 * broadcast load), counts the set bits per lane, and writes the four distances d into a small array; a scalar loop
 * then reads the tables at {@code h + n = 2(n − d)} for the memory's whole row of probes. A last, partial block is
 * padded: its spare lanes are counted and never read. The unused high bits of a last word are clear in a and b, so
 * they cancel in the XOR.
 *
 * <p><b>Counting.</b> The SWAR popcount (Hacker's Delight, 2nd ed., §5-1, Fig. 5-2) takes a 64-bit lane to bit
 * counts per byte in ten operations: {@code v − ((v >>> 1) & 0x55…)}, then {@code (v & 0x33…) + ((v >>> 2) & 0x33…)},
 * then {@code (v + (v >>> 4)) & 0x0f…}. Below {@link #CARRY_SAVE_FROM} words a block is counted word by word that
 * way. From there on, words go in groups of four through carry-save adders (the Harley–Seal method of Hacker's
 * Delight §5-1 and of Muła, Kurz &amp; Lemire, "Faster population counts using AVX2 instructions", Computer Journal
 * 61(1), 2018): a full adder {@code csa(a, b, c) = (a ^ b ^ c, (a & b) | ((a ^ b) & c))} turns three bit vectors
 * into a sum and a carry, so that four words fold into the running planes {@code ones} and {@code twos} and one
 * vector of fours, which alone is counted: about 7.5 vector operations a word against 12. At the end of a block
 * {@code ones} and {@code twos} are counted too (their nibble counts combined as {@code ones + 2·twos} before the
 * byte step), up to three leftover words are counted singly, and the byte counts are summed within each lane
 * ({@code (x & 0x00ff…) + ((x >>> 8) & 0x00ff…)}, then {@code + (x >>> 16)}, {@code + (x >>> 32)},
 * {@code & 0xffff}), the fours' counts weighted by 4. A byte of the fours' counter gains at most 8 a group, so rows
 * longer than {@link #CHUNK} words (31 groups, at most 248 a byte) are counted a chunk at a time and the chunks'
 * counts added.
 *
 * <p><b>For C2.</b> The vector code is written out in the few methods that hold it rather than in small helpers
 * that take and return vectors: a vector passed to or from a call that is not inlined is boxed, and every inlined
 * call to a helper taking vectors costs C2 many more IR nodes than the same operations written in place, enough to
 * reach its inlining cutoff and leave the rest of the method as boxed calls. The group loop counts groups with an int
 * so that C2 sees a counted loop and hoists the vector loads' bounds checks out of it.
 *
 * <p><b>When to use it.</b> {@link #pays} says for which row lengths this kernel is the faster one: every length but
 * 4 words (193 to 256 units), where the scalar code's register-blocked special case ({@code BitOverlaps.mapped4})
 * keeps up with it or wins; a caller routes those rows to the scalar code. Measured single threaded against
 * {@link Vectors#bitOverlapsMapped} as it stood when this kernel was written, on an AVX2 machine (AMD EPYC, Zen 3),
 * 4096 memories by 64 or 128 probes, medians of alternated runs in fresh JVMs: 1.1 to 1.45 times as fast at 1 to 3
 * words, 0.8 to 1.14 times at 4, 1.6 to 1.9 times at 5 to 16 words and 2 to 2.2 times at 32.
 */
final class PanamaBitOverlaps {
    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_256;
    /** Probes a block: the lanes of a vector. */
    static final int PROBES = 4;
    /**
     * Rows of at least this many words are counted through carry-save adders, shorter ones word by word (where the
     * adders' saving does not yet pay for counting their planes at the end of each block; measured).
     */
    static final int CARRY_SAVE_FROM = 32;
    /** Words counted before the byte counters are widened: 31 groups of four, at most 248 a byte. */
    static final int CHUNK = 124;
    private static final long ODD_BITS = 0x5555_5555_5555_5555L;
    private static final long BIT_PAIRS = 0x3333_3333_3333_3333L;
    private static final long NIBBLES = 0x0f0f_0f0f_0f0f_0f0fL;
    private static final long BYTES = 0x00ff_00ff_00ff_00ffL;
    private static final long LOW_16 = 0xffffL;

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private PanamaBitOverlaps() {
    }

    /**
     * Whether {@link #mapped} beats the scalar kernel for rows of this many words ({@code (n + 63) / 64}): all but 4,
     * the scalar kernel's special case (see the class comment), on hardware with 256-bit vectors at least.
     */
    static boolean pays(int words) {
        return words != 4 && LongVector.SPECIES_PREFERRED.vectorBitSize() >= SPECIES.vectorBitSize();
    }

    /**
     * {@link Vectors#bitOverlapsMapped}, unchecked: {@code out[outOff + i·rowsB + j] = first[h_ij + n]} and
     * {@code sums[j] += second[h_ij + n]} for i in order, h_ij the overlap of row i of a (at {@code aOff + i·words})
     * with row j of b (at {@code j·words}), each of n units packed {@code words = (n + 63) / 64} longs a row.
     */
    static void mapped(long[] a, int aOff, int rowsA, long[] b, int rowsB, int n, float[] first, double[] second,
                       float[] out, int outOff, double[] sums) {
        int words = Vectors.words(n);
        int blocks = (rowsB + PROBES - 1) / PROBES;
        Scratch scratch = SCRATCH.get();
        long[] probes = scratch.probes(blocks * words * PROBES);
        long[] distances = scratch.distances(blocks * PROBES);
        transpose(b, rowsB, words, blocks, probes);
        for (int i = 0; i < rowsA; i++) {
            int row = aOff + i * words;
            if (words < CARRY_SAVE_FROM) {
                countWordByWord(probes, blocks, a, row, words, distances);
            } else {
                for (int from = 0; from < words; from += CHUNK) {
                    countByCarrySave(probes, blocks, a, row, words, from, Math.min(words, from + CHUNK), distances);
                }
            }
            lookUp(distances, rowsB, n, first, second, out, outOff + i * rowsB, sums);
        }
    }

    /** Four probes a block, word w of the four together; the spare lanes of a last, partial block cleared. */
    private static void transpose(long[] b, int rowsB, int words, int blocks, long[] probes) {
        for (int j = 0; j < blocks * PROBES; j++) {
            int lane = j % PROBES;
            int base = j / PROBES * words * PROBES + lane;
            for (int w = 0; w < words; w++) {
                probes[base + w * PROBES] = j < rowsB ? b[j * words + w] : 0L;
            }
        }
    }

    /** The distances {@code popcount(a_row XOR b_j)} of one memory to every block of probes, by SWAR per word. */
    private static void countWordByWord(long[] probes, int blocks, long[] a, int row, int words, long[] distances) {
        // Bytes gain at most 8 a word, and there are fewer than 32 words: no byte passes 248.
        for (int block = 0; block < blocks; block++) {
            int base = block * words * PROBES;
            LongVector bytes = LongVector.zero(SPECIES);
            for (int w = 0; w < words; w++) {
                LongVector v = LongVector.fromArray(SPECIES, probes, base + w * PROBES).lanewise(XOR, a[row + w]);
                v = v.sub(v.lanewise(LSHR, 1).and(ODD_BITS));
                v = v.and(BIT_PAIRS).add(v.lanewise(LSHR, 2).and(BIT_PAIRS));
                bytes = bytes.add(v.add(v.lanewise(LSHR, 4)).and(NIBBLES));
            }
            LongVector sum = bytes.and(BYTES).add(bytes.lanewise(LSHR, 8).and(BYTES));
            sum = sum.add(sum.lanewise(LSHR, 16));
            sum.add(sum.lanewise(LSHR, 32)).and(LOW_16).intoArray(distances, block * PROBES);
        }
    }

    /**
     * The distances of one memory to every block of probes over words {@code [from, to)}, at most {@link #CHUNK} of
     * them: stored for the first chunk of a row, added for the others. Groups of four words go through carry-save
     * adders into the planes {@code ones} and {@code twos}; the fours they carry out are counted at once.
     */
    private static void countByCarrySave(long[] probes, int blocks, long[] a, int row, int words, int from, int to,
                                         long[] distances) {
        int groups = (to - from) / 4;
        for (int block = 0; block < blocks; block++) {
            int base = block * words * PROBES;
            LongVector ones = LongVector.zero(SPECIES);
            LongVector twos = ones;
            LongVector fourBytes = ones;
            for (int g = 0; g < groups; g++) {
                int w = from + 4 * g;
                int p = base + w * PROBES;
                int m = row + w;
                // csa(ones, v0, v1) carries into twosA, csa(ones, v2, v3) into twosB, csa(twos, twosA, twosB) into
                // fours; u is the shared a ^ b of each adder.
                LongVector v0 = LongVector.fromArray(SPECIES, probes, p).lanewise(XOR, a[m]);
                LongVector v1 = LongVector.fromArray(SPECIES, probes, p + 4).lanewise(XOR, a[m + 1]);
                LongVector u = ones.lanewise(XOR, v0);
                LongVector twosA = ones.and(v0).or(u.and(v1));
                ones = u.lanewise(XOR, v1);
                v0 = LongVector.fromArray(SPECIES, probes, p + 8).lanewise(XOR, a[m + 2]);
                v1 = LongVector.fromArray(SPECIES, probes, p + 12).lanewise(XOR, a[m + 3]);
                u = ones.lanewise(XOR, v0);
                LongVector twosB = ones.and(v0).or(u.and(v1));
                ones = u.lanewise(XOR, v1);
                u = twos.lanewise(XOR, twosA);
                LongVector fours = twos.and(twosA).or(u.and(twosB));
                twos = u.lanewise(XOR, twosB);
                fours = fours.sub(fours.lanewise(LSHR, 1).and(ODD_BITS));
                fours = fours.and(BIT_PAIRS).add(fours.lanewise(LSHR, 2).and(BIT_PAIRS));
                fourBytes = fourBytes.add(fours.add(fours.lanewise(LSHR, 4)).and(NIBBLES));
            }
            // ones + 2·twos: nibbles at most 4 + 8, bytes at most 24.
            LongVector low = ones.sub(ones.lanewise(LSHR, 1).and(ODD_BITS));
            low = low.and(BIT_PAIRS).add(low.lanewise(LSHR, 2).and(BIT_PAIRS));
            LongVector high = twos.sub(twos.lanewise(LSHR, 1).and(ODD_BITS));
            high = high.and(BIT_PAIRS).add(high.lanewise(LSHR, 2).and(BIT_PAIRS));
            low = low.add(high.lanewise(LSHL, 1));
            LongVector bytes = low.and(NIBBLES).add(low.lanewise(LSHR, 4).and(NIBBLES));
            // Up to three leftover words, singly: bytes at most 24 + 3·8.
            for (int w = from + 4 * groups; w < to; w++) {
                LongVector v = LongVector.fromArray(SPECIES, probes, base + w * PROBES).lanewise(XOR, a[row + w]);
                v = v.sub(v.lanewise(LSHR, 1).and(ODD_BITS));
                v = v.and(BIT_PAIRS).add(v.lanewise(LSHR, 2).and(BIT_PAIRS));
                bytes = bytes.add(v.add(v.lanewise(LSHR, 4)).and(NIBBLES));
            }
            // To 16-bit fields (at most 2·48 + 4·2·248), then within the lane; a chunk counts at most 7936 bits.
            LongVector fourPairs = fourBytes.and(BYTES).add(fourBytes.lanewise(LSHR, 8).and(BYTES));
            LongVector sum = bytes.and(BYTES).add(bytes.lanewise(LSHR, 8).and(BYTES)).add(fourPairs.lanewise(LSHL, 2));
            sum = sum.add(sum.lanewise(LSHR, 16));
            sum = sum.add(sum.lanewise(LSHR, 32)).and(LOW_16);
            if (from > 0) {
                sum = sum.add(LongVector.fromArray(SPECIES, distances, block * PROBES));
            }
            sum.intoArray(distances, block * PROBES);
        }
    }

    /** One memory's row of out, and its terms of the sums, from its distances to the probes. */
    private static void lookUp(long[] distances, int rowsB, int n, float[] first, double[] second, float[] out,
                               int o, double[] sums) {
        for (int j = 0; j < rowsB; j++) {
            int h = 2 * (n - (int) distances[j]);
            out[o + j] = first[h];
            sums[j] += second[h];
        }
    }

    /** Per-thread buffers, grown to the largest call this thread has made. */
    private static final class Scratch {
        private long[] probes = new long[0];
        private long[] distances = new long[0];

        long[] probes(int size) {
            if (probes.length < size) {
                probes = new long[size];
            }
            return probes;
        }

        long[] distances(int size) {
            if (distances.length < size) {
                distances = new long[size];
            }
            return distances;
        }
    }
}
