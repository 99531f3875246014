package dev.damsel.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** The kernels on the panama implementation; its twin differs only in the fork arguments. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Ddamsel.vector=panama"})
public class KernelsPanama {
    @Benchmark
    public float[] overlaps(KernelState s) {
        return Kernels.overlaps(s);
    }

    @Benchmark
    public float[] stepProduct(KernelState s) {
        return Kernels.stepProduct(s);
    }

    @Benchmark
    public float[] stepProductPrepared(KernelState s) {
        return Kernels.stepProductPrepared(s);
    }

    @Benchmark
    public double drives(KernelState s) {
        return Kernels.drives(s);
    }

    @Benchmark
    public double[] derivativeTerms(KernelState s) {
        return Kernels.derivativeTerms(s);
    }

    @Benchmark
    public double bipolarTerms(KernelState s) {
        return Kernels.bipolarTerms(s);
    }

    @Benchmark
    public float[] bitOverlaps(KernelState s) {
        return Kernels.bitOverlaps(s);
    }
}
