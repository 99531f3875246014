package dev.damsel.core.memory;

import dev.damsel.api.InteractionFunction;
import dev.damsel.core.interaction.IntegerPowers;
import dev.damsel.core.interaction.LeakyRectifiedPolynomialInteraction;
import dev.damsel.core.interaction.PolynomialInteraction;
import dev.damsel.core.interaction.RectifiedPolynomialInteraction;
import dev.damsel.core.memory.StepPhases.Phase;
import dev.damsel.core.vector.Parallel;
import dev.damsel.core.vector.PolynomialShape;
import dev.damsel.core.vector.SignMatrix;
import dev.damsel.core.vector.VectorOps;
import dev.damsel.core.vector.Vectors;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fast paths of {@link DenseBipolarMemory}, over one snapshot of its parameters (the memory drops the snapshot
 * whenever ξ changes). Same equations as the memory's javadoc and as {@link DenseBipolarReference}, arranged for the
 * {@link Vectors} kernels:
 * <ul>
 *   <li>overlaps of ±1 states with ±1 memories are exact integers from bit-packed words,
 *       {@code N − 2·popcount(x XOR ξ)}; otherwise double dot products;</li>
 *   <li>drives are vectorised over memories on ξ transposed (unit-major), in double, polynomial F by repeated
 *       multiplication; other F (the exponential) by the same loop, scalar;</li>
 *   <li>when every memory is exactly ±1 (stored patterns) and every probe is ±1, the synchronous step is two matrix
 *       products, exactly for every F: with overlaps M, {@code a = G(M−1)}, {@code b = G(M+1)},
 *       {@code G(h) = F(s(h+1)) − F(s(h−1))}, the drive of unit i is
 *       {@code Σ_μ ξ^μ_i (a_μ+b_μ)/2 + x_i Σ_μ (a_μ−b_μ)/2} (for ξ^μ_i x_i = +1 the reference's term is ξ^μ_i a_μ,
 *       for −1 it is ξ^μ_i b_μ). The overlaps are integers in [−N, N], so a and b come from a table. The step needs
 *       only the sign, so each probe's coefficients are divided by their largest magnitude before the float product:
 *       no overflow for any degree or β. The overlaps come from bit-packed words and the product with ξ is
 *       {@link Vectors#signProduct} (four Russians: tables of signed sums of four coefficients, about a quarter of
 *       the additions of a matrix product). Over all units and up to {@link #QUANTISED_MAX_MEMORIES} memories the
 *       product runs on 16-bit coefficients instead ({@link Vectors#signProductRounded}, twice the probes a vector),
 *       scaled so that every 16-bit sum is exact; the rounding errors bound how far each drive can be off, and a unit
 *       whose drive is not clear of that bound is decided again from the float coefficients (see
 *       {@code quantisedStep});</li>
 *   <li>the loss gradient sums per-item terms over blocks of at most {@link #ITEM_BLOCK} items (fixed by the item
 *       count), each into its own unit-major partial, reduced in block order: bit-identical for any thread count.</li>
 * </ul>
 * Probes and items are split across {@link Parallel}'s threads in fixed blocks; each probe's result is computed by the
 * same operations whichever block or thread it lands in.
 */
final class DenseBipolarKernels {
    /** Probes per block of a relaxation or an energy. */
    static final int PROBE_BLOCK = 32;
    /**
     * The two-product step's blocks per batch (fewer when a block would drop under {@link #PROBE_BLOCK} probes): a
     * number fixed by the batch alone, so the split never depends on the thread count. Each probe's result does not
     * depend on its block either (the step's kernels treat every probe alike), so the split only balances the load.
     */
    static final int STEP_BLOCKS = 8;
    /**
     * The most memories for the step's 16-bit product ({@link #quantisedStep}): each of K rounded coefficients may be
     * off by ½, so K/2 of the 16-bit range goes to rounding; beyond this the float product is used.
     */
    static final int QUANTISED_MAX_MEMORIES = 8192;
    /**
     * A probe with more than 1/CROWDED_FRACTION of its units undecided by the 16-bit step gets them from the float
     * product (one pass over ξ for all of them), fewer from a double sum over ξ each.
     */
    private static final int CROWDED_FRACTION = 32;
    /**
     * A probe whose largest coefficient scales to under this many quanta per memory has no dominant memory (see
     * {@code quantisedStep}): K/2 is twice the band's usual width, K/4.
     */
    private static final double DOMINANT_QUANTA = 0.5;
    /** The 16-bit step is declined when more than 1/DIFFUSE_SHARE of a block's probes have no dominant memory. */
    private static final int DIFFUSE_SHARE = 4;
    /** The largest magnitude of a 16-bit sum. */
    private static final double QUANTISED_LIMIT = Short.MAX_VALUE;
    /** The fewest probes per block of the 16-bit step: the 16-bit product's lanes a pass at 256 bits. */
    static final int QUANTISED_BLOCK = 64;
    /** Items per partial sum of the gradient. */
    static final int ITEM_BLOCK = 16;
    /** Blocks of items whose partials are held at once before being reduced (bounds the memory). */
    static final int WAVE = 8;
    /** The largest polynomial degree the two-product step is used for (see {@code twoProductsAreAccurate}). */
    static final int TWO_PRODUCT_MAX_DEGREE = 8;
    /** Tile edge of the transposition into the unit-major copy. */
    private static final int TILE = 32;
    /**
     * The largest magnitude of a gradient entry once stored as float: finite, with room for the optimiser's momentum
     * sums (a gradient this large only arises from saturated huge-β, huge-n interactions).
     */
    static final float GRADIENT_LIMIT = Float.MAX_VALUE / (1 << 20);

    private final int memories;
    private final int dimension;
    private final int words;
    private final float[] xi;
    private final double[] xiDouble;
    private final double[] xiUnitMajor;
    private final boolean bipolar;
    private final long[] bits;
    private final InteractionFunction interaction;
    private final PolynomialShape shape;
    private final VectorOps ops = Vectors.ops();
    /** The signs of ξ (K×N) for the step's product over all units, made on first use; every block shares them. */
    private volatile SignMatrix xiSigns;
    /** The step's coefficient tables for the last scale asked for (immutable once published). */
    private volatile StepTables stepTables;
    /** Free per-block arrays of the step, reused by later steps. */
    private final ConcurrentLinkedQueue<StepScratch> stepScratch = new ConcurrentLinkedQueue<>();
    /** The loss's partial sums, handed on to the next kernels of the same memory. */
    private final AtomicReference<Workspace> workspace;

    /** @param xi the memory's K×N parameters, read but never written; the memory drops this object when they change */
    DenseBipolarKernels(int memories, int dimension, float[] xi, InteractionFunction interaction) {
        this(memories, dimension, xi, interaction, null);
    }

    /**
     * @param retired kernels of the same memory over its previous ξ, no longer in use, whose copies are overwritten
     *                instead of allocated anew (the trainer changes ξ every step); or null
     */
    DenseBipolarKernels(int memories, int dimension, float[] xi, InteractionFunction interaction,
                        DenseBipolarKernels retired) {
        this.memories = memories;
        this.dimension = dimension;
        this.words = Vectors.words(dimension);
        this.xi = xi;
        this.interaction = interaction;
        this.shape = shapeOf(interaction);
        boolean reuse = retired != null && retired.xiDouble.length == xi.length;
        this.xiDouble = reuse ? retired.xiDouble : new double[xi.length];
        this.xiUnitMajor = reuse ? retired.xiUnitMajor : new double[xi.length];
        this.workspace = reuse ? retired.workspace : new AtomicReference<>();
        boolean allBipolar = true;
        for (int p = 0; p < xi.length; p++) {
            float v = xi[p];
            xiDouble[p] = v;
            allBipolar &= Math.abs(v) == 1f;
        }
        // The unit-major copy, transposed in tiles so that both sides stay in cache.
        for (int j0 = 0; j0 < dimension; j0 += TILE) {
            int j1 = Math.min(dimension, j0 + TILE);
            for (int mu0 = 0; mu0 < memories; mu0 += TILE) {
                int mu1 = Math.min(memories, mu0 + TILE);
                for (int j = j0; j < j1; j++) {
                    for (int mu = mu0; mu < mu1; mu++) {
                        xiUnitMajor[j * memories + mu] = xi[mu * dimension + j];
                    }
                }
            }
        }
        this.bipolar = allBipolar;
        if (bipolar) {
            bits = reuse && retired.bits != null ? retired.bits : new long[memories * words];
            for (int mu = 0; mu < memories; mu++) {
                Vectors.packSigns(xi, mu * dimension, dimension, bits, mu * words);
            }
        } else {
            bits = null;
        }
    }

    /** The kernel form of the known polynomial interactions; null for any other F. */
    static PolynomialShape shapeOf(InteractionFunction f) {
        if (f instanceof PolynomialInteraction p) {
            return new PolynomialShape(PolynomialShape.Kind.PLAIN, p.degree());
        }
        if (f instanceof RectifiedPolynomialInteraction p) {
            return new PolynomialShape(PolynomialShape.Kind.RECTIFIED, p.degree());
        }
        if (f instanceof LeakyRectifiedPolynomialInteraction p
                && LeakyRectifiedPolynomialInteraction.LEAK == PolynomialShape.LEAK) {
            return new PolynomialShape(PolynomialShape.Kind.LEAKY, p.degree());
        }
        return null;
    }

    /** Whether every memory entry is exactly ±1 (memories that store patterns directly). */
    boolean bipolar() {
        return bipolar;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Energy and drives

    double[] energy(float[] x, int size, double scale) {
        double[] out = new double[size];
        Parallel.forEach(blocks(size, PROBE_BLOCK), block -> {
            Scratch scratch = new Scratch();
            for (int b = block * PROBE_BLOCK; b < Math.min(size, (block + 1) * PROBE_BLOCK); b++) {
                overlaps(x, b * dimension, scratch);
                double sum = 0;
                for (int mu = 0; mu < memories; mu++) {
                    sum += interaction.value(scale * scratch.m[mu]);
                }
                out[b] = -sum;
            }
        });
        return out;
    }

    double[] drives(float[] x, int size, int[] units, double scale) {
        double[] out = new double[size * units.length];
        Parallel.forEach(blocks(size, PROBE_BLOCK), block -> {
            Scratch scratch = new Scratch();
            for (int b = block * PROBE_BLOCK; b < Math.min(size, (block + 1) * PROBE_BLOCK); b++) {
                stateDrives(x, b * dimension, units, scale, scratch, out, b * units.length);
            }
        });
        return out;
    }

    /** Relaxes the probes in place (synchronous steps until nothing changes or {@code maxIterations} sweeps). */
    void relaxSynchronous(float[] x, int size, int[] units, int maxIterations, double scale) {
        if (bipolar && twoProductsAreAccurate(scale) && Vectors.allBipolar(x, 0, x.length)) {
            relaxTwoProducts(x, size, units, maxIterations, scale);
            return;
        }
        Parallel.forEach(blocks(size, PROBE_BLOCK), block -> {
            Scratch scratch = new Scratch();
            double[] d = new double[units.length];
            for (int b = block * PROBE_BLOCK; b < Math.min(size, (block + 1) * PROBE_BLOCK); b++) {
                int off = b * dimension;
                for (int sweep = 0; sweep < maxIterations; sweep++) {
                    stateDrives(x, off, units, scale, scratch, d, 0);
                    if (!update(x, off, units, d)) {
                        break;
                    }
                }
            }
        });
    }

    /**
     * Whether the float two-product form keeps the reference's signs. It is exact in real numbers for every F, but a
     * unit whose reference term is {@code ξ^μ_i b_μ} gets it as {@code ξ^μ_i (a+b)/2 + x_i (a−b)/2}, so it loses
     * the term when |a| ≫ |b| (or the reverse). Near h = ±1 that ratio is about 3ⁿ for a polynomial and e^{2s} for
     * the exponential: the form is used for polynomials of degree ≤ {@value #TWO_PRODUCT_MAX_DEGREE} and the
     * exponential with 2s ≤ 4; other cases take the per-unit path, in double.
     */
    private boolean twoProductsAreAccurate(double scale) {
        if (shape != null) {
            return shape.degree() <= TWO_PRODUCT_MAX_DEGREE;
        }
        return interaction instanceof dev.damsel.core.interaction.ExponentialInteraction && 2 * scale <= 4;
    }

    private static boolean update(float[] x, int off, int[] units, double[] d) {
        boolean changed = false;
        for (int k = 0; k < units.length; k++) {
            float next = d[k] > 0 ? 1f : -1f;
            if (x[off + units[k]] != next) {
                x[off + units[k]] = next;
                changed = true;
            }
        }
        return changed;
    }

    /** The two-product step for ±1 memories and ±1 probes (see the class comment). */
    private void relaxTwoProducts(float[] x, int size, int[] units, int maxIterations, double scale) {
        int n = dimension;
        StepTables tables = stepTables(scale);
        float[] halfScaled = tables.half();
        double[] otherScaled = tables.other();
        int u = units.length;
        SignMatrix xiUnits = u == n ? xiSigns() : Vectors.signMatrix(memories, u, gatherColumns(units), 0, u);
        boolean quantised = u == n && memories <= QUANTISED_MAX_MEMORIES;
        StepPhases.count(size);
        // Blocks fixed by the batch size, all reading the one sign matrix of ξ.
        int per = Math.max(quantised ? QUANTISED_BLOCK : PROBE_BLOCK, (size + STEP_BLOCKS - 1) / STEP_BLOCKS);
        Parallel.forEach(blocks(size, per), block -> {
            int from = block * per;
            int count = Math.min(size, from + per) - from;
            StepScratch scratch = takeStepScratch(count, u);
            int[] active = scratch.active;
            for (int r = 0; r < count; r++) {
                active[r] = from + r;
            }
            long[] probeBits = scratch.probeBits;
            // The overlaps, then in place their coefficients (each entry read before it is overwritten).
            float[] coefficients = scratch.coefficients;
            double[] diagonal = scratch.diagonal;
            float[] drives = scratch.drives;
            int live = count;
            for (int sweep = 0; sweep < maxIterations && live > 0; sweep++) {
                long t = StepPhases.mark();
                for (int r = 0; r < live; r++) {
                    Vectors.packSigns(x, active[r] * n, n, probeBits, r * words);
                }
                t = StepPhases.lap(Phase.PACK, t);
                // Memory-major coefficients (K×live): the product reads them by columns.
                Arrays.fill(diagonal, 0, live, 0.0);
                Vectors.bitOverlapsMapped(bits, 0, memories, probeBits, live, n, halfScaled, otherScaled, coefficients,
                        0, diagonal);
                t = StepPhases.lap(Phase.OVERLAPS, t);
                if (quantised) {
                    int kept = quantisedStep(scratch, live, xiUnits, x);
                    if (kept >= 0) {
                        live = kept;
                        continue;
                    }
                    t = StepPhases.mark();
                }
                ops.signProduct(live, coefficients, 0, live, xiUnits, drives, 0, u);
                t = StepPhases.lap(Phase.PRODUCT, t);
                int kept = 0;
                for (int r = 0; r < live; r++) {
                    boolean changed = u == n
                            ? ops.signStep(drives, r * u, diagonal[r], x, active[r] * n, n)
                            : signStep(drives, r * u, diagonal[r], x, active[r] * n, units);
                    if (changed) {
                        active[kept++] = active[r];
                    }
                }
                live = kept;
                StepPhases.lap(Phase.SIGNS, t);
            }
            stepScratch.offer(scratch);
        });
    }

    /**
     * The two-product step's coefficient tables for one scale, indexed by overlap + N: {@code half} = (a+b)/2 in
     * float for the product, {@code other} = (a−b)/2 in double for the diagonal, both divided by their largest
     * magnitude.
     */
    private record StepTables(double scale, float[] half, double[] other) {
    }

    /** The tables for this scale: the last ones made when their scale is this one (steps repeat it), else new ones. */
    private StepTables stepTables(double scale) {
        StepTables last = stepTables;
        if (last != null && Double.compare(last.scale(), scale) == 0) {
            return last;
        }
        int n = dimension;
        // a(h) = F(s·h) − F(s(h−2)) and b(h) = F(s(h+2)) − F(s·h) for every reachable overlap h ∈ [−N, N].
        double[] f = new double[2 * n + 5];
        for (int h = -n - 2; h <= n + 2; h++) {
            f[h + n + 2] = interaction.value(scale * h);
        }
        double[] half = new double[2 * n + 1];
        double[] other = new double[2 * n + 1];
        double largest = 0;
        for (int h = -n; h <= n; h++) {
            double a = f[h + n + 2] - f[h + n];
            double b = f[h + n + 4] - f[h + n + 2];
            half[h + n] = (a + b) / 2;
            other[h + n] = (a - b) / 2;
            largest = Math.max(largest, Math.max(Math.abs(half[h + n]), Math.abs(other[h + n])));
        }
        // One positive factor for every coefficient keeps each drive's sign and its relative precision, and keeps
        // the float product in range; the tables are then read directly, in float for the product.
        double norm = largest > 0 && Double.isFinite(largest) ? 1.0 / largest : 1.0;
        float[] halfScaled = new float[2 * n + 1];
        double[] otherScaled = new double[2 * n + 1];
        for (int h = 0; h <= 2 * n; h++) {
            halfScaled[h] = (float) (half[h] * norm);
            otherScaled[h] = other[h] * norm;
        }
        StepTables made = new StepTables(scale, halfScaled, otherScaled);
        stepTables = made;
        return made;
    }

    /**
     * The step's product and sign update on 16-bit coefficients, for every unit; returns the probes still changing
     * (kept at the front of {@code active}). Each probe's coefficients c_μ (float, memory-major in the scratch) are
     * scaled by {@code s = (32767 − 0.51K) / (Σ|c|·(1 + 2K·2⁻²⁴))} and rounded, which keeps every 16-bit sum of
     * the product exact (the float sum Σ|c| is within that factor of the true one). The product of the rounded
     * coefficients then differs from s·Σ_μ ξ^μ_i c_μ by at most the sum of the rounding errors, E; with the float
     * errors of E and of the scaling that bound is under {@code 1.01·E + 0.01}. A unit whose scaled drive
     * {@code D_i + x_i·s·diag} clears that band has the sign of the true drive; the rest (rare but for probes far
     * from every memory, or ties) get it from the double sum over ξ, as {@link DenseBipolarReference} does.
     *
     * <p>A probe whose largest scaled coefficient is under {@link #DOMINANT_QUANTA}·K has no memory whose term alone
     * clears the band (about K/4 on average): its drives are sums of many small terms, which crowd around zero, so
     * many of its units would be left for the float product anyway. When more than 1/{@link #DIFFUSE_SHARE} of the
     * block's probes are such, this returns −1 before the 16-bit product and the block takes the float product.
     */
    private int quantisedStep(StepScratch scratch, int live, SignMatrix xiAll, float[] x) {
        int n = dimension;
        float[] coefficients = scratch.coefficients;
        float[] scale = scratch.scale;
        float[] error = scratch.error;
        long t = StepPhases.mark();
        // Each probe's Σ|c| goes into scale, then in place its scale.
        ops.absColumnSums(memories, live, coefficients, 0, live, scale, scratch.maxima);
        double room = QUANTISED_LIMIT - 0.51 * memories;
        double slack = 1 + 2.0 * memories / (1 << 24);
        int diffuse = 0;
        for (int r = 0; r < live; r++) {
            double total = scale[r];
            double exact = total > 0 && total < Double.POSITIVE_INFINITY ? room / (total * slack) : 0;
            float rounded = (float) exact;
            scale[r] = rounded > exact ? Math.nextDown(rounded) : rounded;
            if (scale[r] * (double) scratch.maxima[r] < DOMINANT_QUANTA * memories) {
                diffuse++;
            }
        }
        t = StepPhases.lap(Phase.MAGNITUDES, t);
        if (DIFFUSE_SHARE * diffuse > live) {
            return -1;
        }
        ops.signProductRounded(live, coefficients, 0, live, scale, xiAll, scratch.drives, 0, n, error);
        t = StepPhases.lap(Phase.PRODUCT, t);
        int[] active = scratch.active;
        boolean[] changed = scratch.changed;
        int[] crowded = scratch.crowded;
        int many = 0;
        for (int r = 0; r < live; r++) {
            double diag = scratch.diagonal[r];
            double diagScaled = diag * scale[r];
            double band = 1.01 * error[r] + 0.01 + 1e-9 * Math.abs(diagScaled);
            int result = ops.bandedSignStep(scratch.drives, r * n, diagScaled, band, x, active[r] * n, n);
            changed[r] = (result & 1) != 0;
            int left = result >>> 1;
            if (left > n / CROWDED_FRACTION) {
                crowded[many++] = r;
            } else if (left > 0) {
                changed[r] |= decideExactly(scratch.drives, r * n, coefficients, live, r, diag, x, active[r] * n);
            }
        }
        if (many > 0) {
            decideByFloatProduct(scratch, live, many, xiAll, x);
        }
        StepPhases.lap(Phase.SIGNS, t);
        int kept = 0;
        for (int r = 0; r < live; r++) {
            if (changed[r]) {
                active[kept++] = active[r];
            }
        }
        return kept;
    }

    /**
     * The undecided units of probes with many of them (far from every memory, where drives crowd around zero): the
     * float product for those probes, as the step without 16-bit coefficients computes it, decides them.
     */
    private void decideByFloatProduct(StepScratch scratch, int live, int many, SignMatrix xiAll, float[] x) {
        int n = dimension;
        float[] gathered = scratch.gathered(many * memories);
        float[] floatDrives = scratch.floatDrives(many * n);
        for (int mu = 0; mu < memories; mu++) {
            for (int h = 0; h < many; h++) {
                gathered[mu * many + h] = scratch.coefficients[mu * live + scratch.crowded[h]];
            }
        }
        ops.signProduct(many, gathered, 0, many, xiAll, floatDrives, 0, n);
        for (int h = 0; h < many; h++) {
            int r = scratch.crowded[h];
            int off = scratch.active[r] * n;
            double diag = scratch.diagonal[r];
            for (int i = 0; i < n; i++) {
                if (Float.isNaN(scratch.drives[r * n + i])) {
                    scratch.changed[r] |= setSign(x, off + i, floatDrives[h * n + i], diag);
                }
            }
        }
    }

    /**
     * The units {@link VectorOps#bandedSignStep} left undecided (NaN drives) from the double drive
     * {@code Σ_μ ξ^μ_i c_μ + x_i·diag} over probe r's float coefficients; returns whether any of them changed.
     */
    private boolean decideExactly(float[] drives, int dOff, float[] coefficients, int live, int r, double diag,
                                  float[] x, int off) {
        boolean changed = false;
        for (int i = 0; i < dimension; i++) {
            if (!Float.isNaN(drives[dOff + i])) {
                continue;
            }
            double drive = 0;
            int row = i * memories;
            for (int mu = 0; mu < memories; mu++) {
                drive += xiUnitMajor[row + mu] * coefficients[mu * live + r];
            }
            changed |= setSign(x, off + i, drive, diag);
        }
        return changed;
    }

    /** {@code x[at] = sign(drive + x[at]·diag)} (−1 for 0 and NaN); returns whether it changed. */
    private static boolean setSign(float[] x, int at, double drive, double diag) {
        float old = x[at];
        float next = Vectors.signOf(drive + old * diag);
        x[at] = next;
        return next != old;
    }

    /** {@link VectorOps#signStep} on the given units of the state at {@code off}. */
    private static boolean signStep(float[] drives, int dOff, double diag, float[] x, int off, int[] units) {
        boolean changed = false;
        for (int k = 0; k < units.length; k++) {
            changed |= setSign(x, off + units[k], drives[dOff + k], diag);
        }
        return changed;
    }

    /** The step's per-block arrays, sized for a block of {@code rows} probes and {@code units} units. */
    private final class StepScratch {
        final int rows;
        final int units;
        final int[] active;
        final long[] probeBits;
        final float[] coefficients;
        final double[] diagonal;
        final float[] drives;
        final float[] scale;
        final float[] maxima;
        final float[] error;
        final boolean[] changed;
        final int[] crowded;
        private float[] gathered = new float[0];
        private float[] floatDrives = new float[0];

        StepScratch(int rows, int units) {
            this.rows = rows;
            this.units = units;
            active = new int[rows];
            probeBits = new long[rows * words];
            coefficients = new float[rows * memories];
            diagonal = new double[rows];
            drives = new float[rows * units];
            scale = new float[rows];
            maxima = new float[rows];
            error = new float[rows];
            changed = new boolean[rows];
            crowded = new int[rows];
        }

        /** The coefficients of the crowded probes, memory-major, grown on first need. */
        float[] gathered(int size) {
            if (gathered.length < size) {
                gathered = new float[size];
            }
            return gathered;
        }

        /** Their float drives, grown on first need. */
        float[] floatDrives(int size) {
            if (floatDrives.length < size) {
                floatDrives = new float[size];
            }
            return floatDrives;
        }
    }

    /**
     * Per-block arrays of a previous step when one is free and large enough, else new ones: at N = 1024, K = 4096 a
     * block of 512 probes needs 10 MB, which were allocated (and zeroed) per block per step. At most one set per
     * block that ever ran at once is kept.
     */
    private StepScratch takeStepScratch(int rows, int units) {
        StepScratch scratch = stepScratch.poll();
        if (scratch == null || scratch.rows < rows || scratch.units != units) {
            scratch = new StepScratch(rows, units);
        }
        return scratch;
    }

    /** The signs of ξ for the product over all units (a race makes them twice at worst, the same both times). */
    private SignMatrix xiSigns() {
        SignMatrix signs = xiSigns;
        if (signs == null) {
            signs = Vectors.signMatrix(memories, dimension, xi, 0, dimension);
            xiSigns = signs;
        }
        return signs;
    }

    private float[] gatherColumns(int[] units) {
        float[] out = new float[memories * units.length];
        for (int mu = 0; mu < memories; mu++) {
            for (int k = 0; k < units.length; k++) {
                out[mu * units.length + k] = xi[mu * dimension + units[k]];
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Loss and gradient

    /**
     * The loss over the items; fills {@code outputs} (Y) when not null and overwrites {@code gradient} (∂L/∂ξ) when
     * not null. Items are split into {@link #itemBlocks} blocks of nearly equal size (fixed by the item count alone),
     * each summing its gradient terms into its own unit-major partial; the partials are added in block order.
     */
    double loss(float[] items, int size, int[] units, LossContext context, int errorPower, double scale,
                double[] outputs, float[] gradient) {
        int blocks = itemBlocks(size);
        int per = blocks == 0 ? 0 : (size + blocks - 1) / blocks;
        int slots = Math.max(1, Math.min(WAVE, blocks));
        double[] losses = new double[blocks];
        Workspace work = gradient == null ? null : takeWorkspace(slots);
        double[][] partials = work == null ? null : work.partials;
        double[] total = work == null ? null : work.total;
        for (int wave = 0; wave < blocks; wave += slots) {
            int first = wave;
            int inWave = Math.min(slots, blocks - wave);
            Parallel.forEach(inWave, slot -> {
                int block = first + slot;
                losses[block] = lossBlock(items, Math.min(size, block * per), Math.min(size, (block + 1) * per), units,
                        context, errorPower, scale, outputs, partials == null ? null : partials[slot]);
            });
            if (total != null) {
                for (int slot = 0; slot < inWave; slot++) {
                    double[] q = partials[slot];
                    if (wave == 0 && slot == 0) {
                        System.arraycopy(q, 0, total, 0, total.length);
                        continue;
                    }
                    for (int p = 0; p < total.length; p++) {
                        total[p] += q[p];
                    }
                }
            }
        }
        if (gradient != null) {
            if (blocks == 0) {
                Arrays.fill(total, 0.0);
            }
            // total is unit-major (j·K + μ); the gradient is memory-major. Transposed in tiles.
            for (int j0 = 0; j0 < dimension; j0 += TILE) {
                int j1 = Math.min(dimension, j0 + TILE);
                for (int mu0 = 0; mu0 < memories; mu0 += TILE) {
                    int mu1 = Math.min(memories, mu0 + TILE);
                    for (int mu = mu0; mu < mu1; mu++) {
                        for (int j = j0; j < j1; j++) {
                            gradient[mu * dimension + j] = limited(scale * total[j * memories + mu]);
                        }
                    }
                }
            }
            workspace.set(work);
        }
        double loss = 0;
        for (double l : losses) {
            loss += l;
        }
        return loss;
    }

    /**
     * {@code g} clamped to ±{@link #GRADIENT_LIMIT}, as float: the same values as {@code Math.max}/{@code min}
     * (NaN included), written as compares, which cost a third as much in this loop.
     */
    private static float limited(double g) {
        return g >= GRADIENT_LIMIT ? GRADIENT_LIMIT : g <= -GRADIENT_LIMIT ? -GRADIENT_LIMIT : (float) g;
    }

    /**
     * The number of item blocks of a loss over {@code size} items: ⌈size / {@link #ITEM_BLOCK}⌉, so that blocks
     * hold between half and all of {@link #ITEM_BLOCK} items and two threads share 25 items as 13 and 12, not 16 and
     * 9. It depends on the item count only, never on the thread count.
     */
    static int itemBlocks(int size) {
        return blocks(size, ITEM_BLOCK);
    }

    /** The gradient's partial sums, reused across calls and across the kernels of successive ξ of one memory. */
    private static final class Workspace {
        final double[][] partials;
        final double[] total;

        Workspace(int slots, int length) {
            partials = new double[slots][length];
            total = new double[length];
        }
    }

    /** The shared workspace if it is free and large enough, else a new one (concurrent callers get their own). */
    private Workspace takeWorkspace(int slots) {
        Workspace work = workspace.getAndSet(null);
        if (work == null || work.partials.length < slots) {
            work = new Workspace(slots, memories * dimension);
        }
        return work;
    }

    /**
     * One block of items: its loss, its outputs, and (when {@code cols} is not null) its gradient terms divided by
     * β/N, overwriting {@code cols}, unit-major: {@code cols[j·K + μ] = Σ_items x_j Σ_{i∈mask} D_μi + [j∈mask]
     * (S_μj − x_j D_μj)}.
     */
    private double lossBlock(float[] items, int from, int to, int[] units, LossContext context, int errorPower,
                             double scale, double[] outputs, double[] cols) {
        if (cols != null) {
            Arrays.fill(cols, 0.0);
        }
        Scratch scratch = new Scratch();
        float[] state = new float[dimension];
        double[] stateDouble = new double[dimension];
        double[] diff = scratch.diff;
        double[] sum = scratch.sum;
        double[] sumD = new double[memories];
        double[] fm = scratch.fm;
        double[] dfm = scratch.dfm;
        int masked = units.length;
        int twoM = 2 * errorPower;
        double loss = 0;
        for (int b = from; b < to; b++) {
            int off = b * dimension;
            System.arraycopy(items, off, state, 0, dimension);
            if (context == LossContext.MASKED_OFF) {
                for (int unit : units) {
                    state[unit] = -1f;
                }
            }
            overlaps(state, 0, scratch);
            double[] m = scratch.m;
            for (int j = 0; j < dimension; j++) {
                stateDouble[j] = state[j];
            }
            boolean any = false;
            if (cols != null) {
                Arrays.fill(sumD, 0.0);
            }
            // For a ±1 state one of each unit's two arguments is the state's own s·m_μ: F and F' of it are taken once
            // per item, and each unit's drive and derivative terms come from one pass over the memories.
            boolean fused = shape != null && Vectors.allBipolar(state, 0, dimension);
            if (fused) {
                ownTerms(m, scale, fm, dfm);
            }
            for (int k = 0; k < masked; k++) {
                int i = units[k];
                double xv = stateDouble[i];
                double drive = fused
                        ? ops.bipolarTerms(shape, scale, m, fm, dfm, xiUnitMajor, i * memories, xv, memories, diff, sum)
                        : drive(m, i, xv, scale);
                double y = Math.tanh(drive);
                double error = y - items[off + i];
                double odd = IntegerPowers.pow(error, twoM - 1);
                loss += odd * error;
                if (outputs != null) {
                    outputs[b * masked + k] = y;
                }
                double delta = twoM * odd * (1.0 - y * y);
                if (cols == null || delta == 0) {
                    continue;
                }
                if (!fused) {
                    derivativeTerms(m, i, xv, scale, diff, sum);
                }
                ops.accumulateTerms(delta, xv, diff, sum, sumD, cols, i * memories, memories);
                any = true;
            }
            if (any) {
                for (int j = 0; j < dimension; j++) {
                    double xj = stateDouble[j];
                    if (xj != 0) {
                        ops.axpy(xj, sumD, 0, cols, j * memories, memories);
                    }
                }
            }
        }
        return loss;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Per-state pieces

    /** Per-thread scratch: the overlaps of one state, its packed or double copy, and per-memory F terms. */
    private final class Scratch {
        final double[] m = new double[memories];
        final double[] state = new double[dimension];
        final long[] packed = new long[words];
        final double[] fm = new double[memories];
        final double[] dfm = new double[memories];
        final double[] diff = new double[memories];
        final double[] sum = new double[memories];
    }

    /**
     * The drives of the given units of the state at {@code off} into {@code out[outOff..]}. For a ±1 state and a
     * polynomial F one of each unit's two arguments is the state's own s·m_μ, so F of it is taken once per state and
     * each unit costs one further F per memory ({@link Vectors#bipolarTerms}).
     */
    private void stateDrives(float[] x, int off, int[] units, double scale, Scratch scratch, double[] out, int outOff) {
        overlaps(x, off, scratch);
        double[] m = scratch.m;
        if (shape != null && Vectors.allBipolar(x, off, dimension)) {
            ownTerms(m, scale, scratch.fm, scratch.dfm);
            for (int k = 0; k < units.length; k++) {
                int i = units[k];
                out[outOff + k] = ops.bipolarTerms(shape, scale, m, scratch.fm, scratch.dfm, xiUnitMajor, i * memories,
                        x[off + i], memories, scratch.diff, scratch.sum);
            }
            return;
        }
        for (int k = 0; k < units.length; k++) {
            out[outOff + k] = drive(m, units[k], x[off + units[k]], scale);
        }
    }

    /** The overlaps ξ^μ·x of the state at {@code off} into {@code scratch.m}: exact integers when both are ±1. */
    private void overlaps(float[] x, int off, Scratch scratch) {
        double[] m = scratch.m;
        if (bipolar && Vectors.allBipolar(x, off, dimension)) {
            Vectors.packSigns(x, off, dimension, scratch.packed, 0);
            for (int mu = 0; mu < memories; mu++) {
                m[mu] = Vectors.bitOverlap(scratch.packed, 0, bits, mu * words, dimension);
            }
            return;
        }
        double[] state = scratch.state;
        for (int j = 0; j < dimension; j++) {
            state[j] = x[off + j];
        }
        for (int mu = 0; mu < memories; mu++) {
            m[mu] = ops.dot(xiDouble, mu * dimension, state, 0, dimension);
        }
    }

    /** The drive of unit i from the state's overlaps m and the unit's value. */
    private double drive(double[] m, int unit, double xv, double scale) {
        if (shape != null) {
            return ops.driveSum(shape, scale, m, 0, xiUnitMajor, unit * memories, xv, memories);
        }
        double total = 0;
        int col = unit * memories;
        for (int mu = 0; mu < memories; mu++) {
            double w = xiUnitMajor[col + mu];
            double c = m[mu] - w * xv;
            total += interaction.value(scale * (c + w)) - interaction.value(scale * (c - w));
        }
        return total;
    }

    private void derivativeTerms(double[] m, int unit, double xv, double scale, double[] diff, double[] sum) {
        if (shape != null) {
            ops.derivativeTerms(shape, scale, m, 0, xiUnitMajor, unit * memories, xv, memories, diff, sum, 0);
            return;
        }
        int col = unit * memories;
        for (int mu = 0; mu < memories; mu++) {
            double w = xiUnitMajor[col + mu];
            double c = m[mu] - w * xv;
            double plus = interaction.derivative(scale * (c + w));
            double minus = interaction.derivative(scale * (c - w));
            diff[mu] = plus - minus;
            sum[mu] = plus + minus;
        }
    }

    /** F and F' of a ±1 state's own scaled overlaps s·m_μ, the argument its units share ({@link Vectors#bipolarTerms}). */
    private void ownTerms(double[] m, double scale, double[] fm, double[] dfm) {
        for (int mu = 0; mu < memories; mu++) {
            fm[mu] = shape.value(scale * m[mu]);
            dfm[mu] = shape.derivative(scale * m[mu]);
        }
    }

    private static int blocks(int size, int per) {
        return (size + per - 1) / per;
    }
}
