package dev.damsel.bench;

import dev.damsel.core.vector.Vectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The kernel benchmarks, inherited by the {@link KernelsScalar}/{@link KernelsPanama} twins, which add only their
 * {@code @Fork} arguments (JMH runs the inherited {@code @Benchmark} methods of each concrete subclass).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class Kernels {

    /** Float overlaps of B probes with K memories: (B×N)·(N×K), single thread. */
    @Benchmark
    public float[] overlaps(KernelState s) {
        Arrays.fill(s.overlapsOut, 0f);
        Vectors.gemm(s.probes, s.memories, s.dim, s.probeValues, 0, s.dim, s.xiTransposed, 0, s.memories,
                s.overlapsOut, 0, s.memories);
        return s.overlapsOut;
    }

    /** The step's second product: (B×K)·(K×N), single thread. */
    @Benchmark
    public float[] stepProduct(KernelState s) {
        Arrays.fill(s.out, 0f);
        Vectors.gemm(s.probes, s.dim, s.memories, s.coefficients, 0, s.memories, s.xi, 0, s.dim, s.out, 0, s.dim);
        return s.out;
    }

    /** The same product with ξ prepared once ({@link Vectors#prepare}), as the step runs it. */
    @Benchmark
    public float[] stepProductPrepared(KernelState s) {
        Arrays.fill(s.out, 0f);
        Vectors.gemm(s.probes, s.coefficients, 0, s.memories, s.xiPrepared, s.out, 0, s.dim);
        return s.out;
    }

    /**
     * The same product as the step runs it now: coefficients by columns times the signs of ξ, by four Russians
     * ({@link Vectors#signProduct}), single thread.
     */
    @Benchmark
    public float[] stepSignProduct(KernelState s) {
        Vectors.signProduct(s.probes, s.coefficientColumns, 0, s.probes, s.xiSigns, s.out, 0, s.dim);
        return s.out;
    }

    /**
     * The same product on 16-bit coefficients as the step runs it for every unit: each probe's coefficients scaled
     * and rounded on the way into the tables, four Russians on 16-bit lanes ({@link Vectors#signProductRounded}).
     */
    @Benchmark
    public float[] stepSignProductRounded(KernelState s) {
        Vectors.signProductRounded(s.probes, s.coefficientColumns, 0, s.probes, s.roundingScale, s.xiSigns, s.out, 0,
                s.dim, s.roundingError);
        return s.out;
    }

    /**
     * The banded sign update of one probe's units ({@link Vectors#bandedSignStep}) on a copy of its drives (uniform in
     * ±½), with a band that leaves about one unit in 500 undecided, as near a memory. The first call marks those
     * units' drives NaN and settles the state; every later call decides the same units the same way and marks the
     * same ones again, so the copy is made once, in the set-up, and each call times the kernel alone.
     */
    @Benchmark
    public int bandedSignStep(KernelState s) {
        return Vectors.bandedSignStep(s.driveCopy, 0, 0.01, 0.001, s.state, 0, s.dim);
    }

    /**
     * One synchronous sign update of every unit of one probe ({@link Vectors#signStep}); the state settles after the
     * first call, and every call does the same work.
     */
    @Benchmark
    public boolean signStep(KernelState s) {
        return Vectors.signStep(s.drive, 0, 0.01, s.state, 0, s.dim);
    }

    /** Drives of every unit of one probe from its overlaps, vectorised over memories (n = 3, in double). */
    @Benchmark
    public double drives(KernelState s) {
        double total = 0;
        for (int i = 0; i < s.dim; i++) {
            total += Vectors.driveSum(s.cube, 1.0 / s.dim, s.m, 0, s.w, 0, 1.0, s.memories);
        }
        return total;
    }

    /** Derivative terms of every unit of one probe (n = 3, in double). */
    @Benchmark
    public double[] derivativeTerms(KernelState s) {
        for (int i = 0; i < s.dim; i++) {
            Vectors.derivativeTerms(s.cube, 1.0 / s.dim, s.m, 0, s.w, 0, 1.0, s.memories, s.diff, s.sum, 0);
        }
        return s.diff;
    }

    /** Drive and derivative terms of every unit of one ±1 probe in one pass (n = 3, in double). */
    @Benchmark
    public double bipolarTerms(KernelState s) {
        double total = 0;
        for (int i = 0; i < s.dim; i++) {
            total += Vectors.bipolarTerms(s.cube, 1.0 / s.dim, s.m, s.fm, s.dfm, s.w, 0, 1.0, s.memories, s.diff,
                    s.sum);
        }
        return total;
    }

    /** Exact overlaps of bit-packed ±1 probes with bit-packed ±1 patterns. */
    @Benchmark
    public float[] bitOverlaps(KernelState s) {
        Vectors.bitOverlaps(s.probeBits, 0, s.probes, s.patternBits, s.memories, s.dim, s.overlapsOut, 0);
        return s.overlapsOut;
    }

    /** Packing the signs of the batch's probes, a probe at a time, as the step does before its overlaps. */
    @Benchmark
    public long[] packSigns(KernelState s) {
        int words = Vectors.words(s.dim);
        for (int b = 0; b < s.probes; b++) {
            Vectors.packSigns(s.probeValues, b * s.dim, s.dim, s.probeBits, b * words);
        }
        return s.probeBits;
    }

    /** The check a bipolar memory makes of a whole batch before its ±1 kernels ({@link Vectors#allBipolar}). */
    @Benchmark
    public boolean allBipolar(KernelState s) {
        return Vectors.allBipolar(s.probeValues, 0, s.probes * s.dim);
    }

    /**
     * The step's first phase: overlaps of the patterns (rows) with the probes read through the coefficient tables,
     * with each probe's diagonal sum ({@link Vectors#bitOverlapsMapped}).
     */
    @Benchmark
    public float[] bitOverlapsMapped(KernelState s) {
        Arrays.fill(s.diagonal, 0.0);
        Vectors.bitOverlapsMapped(s.patternBits, 0, s.memories, s.probeBits, s.probes, s.dim, s.halfTable, s.otherTable,
                s.overlapsOut, 0, s.diagonal);
        return s.overlapsOut;
    }
}
