package dev.damsel.bench;

import dev.damsel.core.vector.Vectors;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The float matrix product C += A·B on the panama kernels, on the calling thread ({@code gemm}) and split over the
 * kernel threads ({@code gemmParallel}). Throughput in operations per nanosecond, and a {@code flops} counter per
 * nanosecond: GFLOP/s, the figure {@code step_numpy.py --gemm} prints. No scalar twin: the reference product takes
 * seconds per call at the large shape.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Ddamsel.vector=panama"})
public class GemmPanama {

    /** Floating-point operations done in an iteration; JMH divides by its time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Flops {
        public long flops;

        @Setup(Level.Iteration)
        public void reset() {
            flops = 0;
        }
    }

    @Benchmark
    public float[] gemm(GemmState s, Flops counter) {
        Vectors.gemm(s.m, s.n, s.k, s.a, s.b, s.c);
        counter.flops += s.flops();
        return s.c;
    }

    @Benchmark
    public float[] gemmParallel(GemmState s, Flops counter) {
        Vectors.gemmParallel(s.m, s.n, s.k, s.a, s.b, s.c);
        counter.flops += s.flops();
        return s.c;
    }
}
