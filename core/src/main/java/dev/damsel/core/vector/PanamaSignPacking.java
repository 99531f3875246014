package dev.damsel.core.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LSHR;
import static jdk.incubator.vector.VectorOperators.OR;

/**
 * {@link VectorOps#packSigns} on the Vector API, for {@link PanamaVectorOps}: the same words as the scalar loop,
 * eight units a vector instead of one a step.
 *
 * <p>Each lane takes the scalar code's branch-free test, {@code v > 0} exactly when the bits t = bits(v) − 1 have
 * {@code ~t & (t − bits(+∞))} negative, shifted down to 0 or 1, and then up to its unit's place in a 32-bit half word
 * (a per-lane shift). Four vectors are ORed, lane by lane, into the low half of a word and four into the high half,
 * and each half is ORed across its lanes. Java 17 compiles neither a mask's {@code toLong} nor a lane conversion of
 * this kind to vector code on AVX2, so the bits are placed by shifts. A last, partial word goes to the scalar
 * loop ({@code ScalarVectorOps.packSigns} from that word on).
 */
final class PanamaSignPacking {
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> IS = IntVector.SPECIES_256;
    private static final int LANES = IS.length();
    private static final int[] LANE_INDEX = {0, 1, 2, 3, 4, 5, 6, 7};
    private static final int INFINITY_BITS = 0x7F800000;
    /** Whether the kernel runs in vector code here: 256-bit vectors at least, else the scalar loop is as fast. */
    private static final boolean PAYS = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= FS.vectorBitSize();

    private PanamaSignPacking() {
    }

    /** {@link VectorOps#packSigns}, arguments unchecked. */
    static void packSigns(float[] x, int off, int n, long[] out, int outOff) {
        int whole = PAYS ? n >>> 6 : 0;
        IntVector place = IntVector.fromArray(IS, LANE_INDEX, 0);
        for (int w = 0; w < whole; w++) {
            int base = off + (w << 6);
            IntVector low = IntVector.zero(IS);
            IntVector high = IntVector.zero(IS);
            for (int k = 0; k < 32; k += LANES) {
                IntVector shift = place.add(k);
                IntVector t = FloatVector.fromArray(FS, x, base + k).reinterpretAsInts().sub(1);
                low = low.or(t.not().and(t.sub(INFINITY_BITS)).lanewise(LSHR, 31).lanewise(LSHL, shift));
                IntVector u = FloatVector.fromArray(FS, x, base + 32 + k).reinterpretAsInts().sub(1);
                high = high.or(u.not().and(u.sub(INFINITY_BITS)).lanewise(LSHR, 31).lanewise(LSHL, shift));
            }
            out[outOff + w] = (low.reduceLanes(OR) & 0xFFFF_FFFFL) | ((long) high.reduceLanes(OR) << 32);
        }
        ScalarVectorOps.packSigns(x, off, n, out, outOff, whole);
    }
}
