package dev.damsel.runner.bench;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;
import dev.damsel.api.UpdateMode;
import dev.damsel.core.interaction.PolynomialInteraction;
import dev.damsel.core.interaction.RectifiedPolynomialInteraction;
import dev.damsel.core.memory.DenseBipolarMemory;
import dev.damsel.core.memory.DenseBipolarMemoryConfig;
import dev.damsel.core.memory.DenseBipolarMemoryFactory;
import dev.damsel.core.memory.StepPhases;
import dev.damsel.core.training.NormalisedMomentum;
import dev.damsel.core.vector.Vectors;
import dev.damsel.runner.UsageException;
import com.sun.management.OperatingSystemMXBean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code damsel bench step|train|gemm}: timings of the memory's hot paths and of the float matrix product without
 * JMH. Each warms up, then prints one machine-readable line of {@code key=value} pairs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Time the memory's hot paths.",
        subcommands = {BenchCommand.Step.class, BenchCommand.Train.class, BenchCommand.Gemm.class})
public final class BenchCommand {

    /** One synchronous step of B probes (10% of bits flipped from stored or trained memories). */
    @Command(name = "step", mixinStandardHelpOptions = true,
            description = "Probes per second of one synchronous step.")
    static final class Step implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--dim", defaultValue = "256", description = "N, units (default ${DEFAULT-VALUE})")
        int dim;
        @Option(names = "--memories", defaultValue = "512", description = "K (default ${DEFAULT-VALUE})")
        int memories;
        @Option(names = "--probes", defaultValue = "128", description = "B (default ${DEFAULT-VALUE})")
        int probes;
        @Option(names = "--degree", defaultValue = "3", description = "n of F(x) = x^n (default ${DEFAULT-VALUE})")
        int degree;
        @Option(names = "--storage", defaultValue = "stored",
                description = "stored (±1 patterns) or trained (real-valued memories) (default ${DEFAULT-VALUE})")
        String storage;
        @Option(names = "--seconds", defaultValue = "3", description = "measuring time (default ${DEFAULT-VALUE})")
        double seconds;
        @Option(names = "--warmup", defaultValue = "3",
                description = "seconds of calls before the measuring starts, for the JIT (default ${DEFAULT-VALUE})")
        double warmup;
        @Option(names = "--phases",
                description = "then time the step's phases for another --seconds and print them on a second line "
                        + "(ns per probe, summed over the kernel threads)")
        boolean phases;

        @Override
        public void run() {
            positive("--dim", dim);
            positive("--memories", memories);
            positive("--probes", probes);
            degreeInRange(degree);
            positive("--seconds", seconds);
            notNegative("--warmup", warmup);
            if (!storage.equals("stored") && !storage.equals("trained")) {
                throw new UsageException("--storage must be stored or trained (got '" + storage + "')");
            }
            SplittableRandom random = new SplittableRandom(1);
            StateBatch patterns = signs(memories, dim, random);
            InteractionFunction f = new PolynomialInteraction(degree);
            DenseBipolarMemory memory;
            if (storage.equals("stored")) {
                memory = DenseBipolarMemory.storing(patterns, f, 1.0);
            } else {
                float[] xi = patterns.copyValues();
                for (int p = 0; p < xi.length; p++) {
                    xi[p] *= (float) (0.5 + 0.5 * random.nextDouble());
                }
                memory = new DenseBipolarMemory(memories, dim, xi, f, 1.0, 1);
            }
            StateBatch probeBatch = noisyProbes(patterns, probes, 0.1, random);
            UnitMask all = UnitMask.all(dim);
            RelaxOptions one = new RelaxOptions(UpdateMode.SYNCHRONOUS, 1, 0L);
            double perCall = time(() -> memory.relax(probeBatch, all, one), warmup, seconds);
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "bench=step probes_per_s=%.1f ms_per_step=%.4f dim=%d memories=%d probes=%d degree=%d "
                            + "storage=%s vector=%s bits=%d threads=%d",
                    probes / perCall, perCall * 1e3, dim, memories, probes, degree, storage,
                    Vectors.implementationName(), Vectors.bitWidth(), Vectors.threads()));
            if (phases) {
                StepPhases.enable();
                double wall;
                try {
                    wall = measure(() -> memory.relax(probeBatch, all, one), seconds).secondsPerCall();
                } finally {
                    StepPhases.disable();
                }
                StepPhases.Totals totals = StepPhases.totals();
                StringBuilder line = new StringBuilder("bench=step-phases");
                for (StepPhases.Phase phase : StepPhases.Phase.values()) {
                    line.append(String.format(Locale.ROOT, " %s_ns=%.0f", phase.name().toLowerCase(Locale.ROOT),
                            totals.nanosPerProbe(phase)));
                }
                line.append(String.format(Locale.ROOT, " wall_ns=%.0f probes=%d threads=%d", wall * 1e9 / probes,
                        totals.probes(), Vectors.threads()));
                spec.commandLine().getOut().println(line);
            }
        }
    }

    /**
     * Full-batch training of an autoassociative problem, by default the seed authors' example and procedure
     * (McAlister et al.'s PyTorch implementation of Krotov &amp; Hopfield 2016, appendix A): N = 100, P = 25 random
     * patterns, K = 100 memories, rectified F with n = 5, T = 50 on raw overlaps (0.5 in damsel's (β/N) form), ξ
     * drawn uniformly from [0, 1), error power 2, learning rate 0.01 decayed by 0.999 per epoch, momentum 0.6, 500
     * epochs. A warm-up run on a copy comes first; then one run from the same start is timed and its final stability
     * printed.
     */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Epochs per second and final stability of full-batch training on random patterns.")
    static final class Train implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--dim", defaultValue = "100", description = "N (default ${DEFAULT-VALUE})")
        int dim;
        @Option(names = "--items", defaultValue = "25", description = "P, random patterns (default ${DEFAULT-VALUE})")
        int items;
        @Option(names = "--memories", defaultValue = "100", description = "K (default ${DEFAULT-VALUE})")
        int memories;
        @Option(names = "--degree", defaultValue = "5", description = "n (default ${DEFAULT-VALUE})")
        int degree;
        @Option(names = "--epochs", defaultValue = "500",
                description = "epochs trained and timed (default ${DEFAULT-VALUE})")
        int epochs;
        @Option(names = "--warmup", defaultValue = "3",
                description = "seconds of whole trainings from the same start before the timed ones, for the JIT "
                        + "(default ${DEFAULT-VALUE})")
        double warmup;
        @Option(names = "--seconds", defaultValue = "3",
                description = "measuring time: whole trainings from the same start, at least one "
                        + "(default ${DEFAULT-VALUE})")
        double seconds;
        @Option(names = "--temperature", defaultValue = "0.5",
                description = "T of damsel's (β/N)-normalised form (default ${DEFAULT-VALUE})")
        double temperature;
        @Option(names = "--learning-rate", defaultValue = "0.01",
                description = "the first epoch's learning rate (default ${DEFAULT-VALUE})")
        double learningRate;
        @Option(names = "--decay", defaultValue = "0.999",
                description = "learning-rate factor per epoch (default ${DEFAULT-VALUE})")
        double decay;
        @Option(names = "--momentum", defaultValue = "0.6", description = "momentum (default ${DEFAULT-VALUE})")
        double momentum;
        @Option(names = "--error-power", defaultValue = "2",
                description = "m in the loss (Y − x)^(2m) (default ${DEFAULT-VALUE})")
        int errorPower;
        @Option(names = "--init", defaultValue = "uniform",
                description = "initial ξ: uniform (on [0, 1), the seed's) or normal (N(init-mean, init-std²) "
                        + "clamped to [−1, 1], damsel's dense-bipolar memory) (default ${DEFAULT-VALUE})")
        String init;
        @Option(names = "--init-mean", defaultValue = "0",
                description = "mean of the normal initial ξ (default ${DEFAULT-VALUE})")
        double initMean;
        @Option(names = "--init-std", defaultValue = "0.3",
                description = "standard deviation of the normal initial ξ (default ${DEFAULT-VALUE})")
        double initStd;
        @Option(names = "--seed", defaultValue = "2",
                description = "seed of the patterns and the initial ξ (default ${DEFAULT-VALUE})")
        long seed;
        @Option(names = "--save-start", paramLabel = "DIR",
                description = "also write the patterns (patterns.txt, P rows of N) and the initial ξ (xi.txt, K rows of "
                        + "N) to DIR, so that bench/python/train_numpy.py --start DIR trains from the same start")
        Path saveStart;

        @Override
        public void run() {
            positive("--dim", dim);
            positive("--items", items);
            positive("--memories", memories);
            positive("--epochs", epochs);
            notNegative("--warmup", warmup);
            positive("--seconds", seconds);
            degreeInRange(degree);
            positive("--temperature", temperature);
            positive("--learning-rate", learningRate);
            if (!(decay > 0 && decay <= 1)) {
                throw new UsageException("--decay must be in (0, 1] (got " + decay + ")");
            }
            if (!(momentum >= 0 && momentum < 1)) {
                throw new UsageException("--momentum must be in [0, 1) (got " + momentum + ")");
            }
            if (errorPower < 1 || errorPower > 50) {
                throw new UsageException("--error-power must be in [1, 50] (got " + errorPower + ")");
            }
            if (!init.equals("uniform") && !init.equals("normal")) {
                throw new UsageException("--init must be uniform or normal (got '" + init + "')");
            }
            SplittableRandom random = new SplittableRandom(seed);
            StateBatch patterns = signs(items, dim, random);
            UnitMask all = UnitMask.all(dim);
            DenseBipolarMemory start = initialMemory(random.split());
            if (saveStart != null) {
                writeStart(patterns, start);
            }
            // Every training starts from a copy of the same start and ends in the same memory; the last is reported.
            DenseBipolarMemory[] last = new DenseBipolarMemory[1];
            Runnable training = () -> {
                last[0] = (DenseBipolarMemory) start.copy();
                train(last[0], patterns, all, epochs);
            };
            warmUp(training, warmup);
            long cpuStart = processCpuNanos();
            Timing timing = measure(training, seconds);
            DenseBipolarMemory memory = last[0];
            long trainings = timing.calls();
            double perEpoch = timing.secondsPerCall() / epochs;
            double cpuPerEpoch = (processCpuNanos() - cpuStart) / 1e9 / ((double) trainings * epochs);
            StateBatch stepped = memory.relax(patterns, all, new RelaxOptions(UpdateMode.SYNCHRONOUS, 1, 0L));
            int fixed = 0;
            for (int b = 0; b < items; b++) {
                fixed += Arrays.equals(stepped.row(b), patterns.row(b)) ? 1 : 0;
            }
            double[] y = memory.outputs(patterns, all);
            int wrongSign = 0;
            for (int q = 0; q < y.length; q++) {
                wrongSign += y[q] * patterns.values()[q] > 0 ? 0 : 1;
            }
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "bench=train epochs_per_s=%.1f ms_per_epoch=%.4f cpu_ms_per_epoch=%.4f fixed_points=%d/%d "
                            + "wrong_sign=%d final_loss=%.6g dim=%d items=%d memories=%d degree=%d temperature=%s "
                            + "epochs=%d trainings=%d learning_rate=%s decay=%s error_power=%d init=%s vector=%s "
                            + "bits=%d threads=%d",
                    1 / perEpoch, perEpoch * 1e3, cpuPerEpoch * 1e3, fixed, items, wrongSign,
                    memory.loss(patterns, all), dim, items, memories, degree, temperature, epochs, trainings,
                    learningRate, decay, errorPower,
                    init.equals("uniform") ? "uniform" : "normal(" + initMean + "," + initStd + ")",
                    Vectors.implementationName(), Vectors.bitWidth(), Vectors.threads()));
        }

        private DenseBipolarMemory initialMemory(SplittableRandom random) {
            RectifiedPolynomialInteraction f = new RectifiedPolynomialInteraction(degree);
            if (init.equals("normal")) {
                return new DenseBipolarMemoryFactory().create(new DenseBipolarMemoryConfig(memories, initMean,
                        initStd, errorPower, temperature, "item"), f, dim, random);
            }
            float[] xi = new float[memories * dim];
            for (int p = 0; p < xi.length; p++) {
                xi[p] = (float) random.nextDouble();
            }
            return new DenseBipolarMemory(memories, dim, xi, f, temperature, errorPower);
        }

        /** Writes the patterns and ξ as whitespace-separated rows, each float in its shortest exact decimal form. */
        private void writeStart(StateBatch patterns, DenseBipolarMemory start) {
            try {
                Files.createDirectories(saveStart);
                writeRows(saveStart.resolve("patterns.txt"), patterns.values(), items, dim);
                writeRows(saveStart.resolve("xi.txt"), start.parameters(), memories, dim);
            } catch (IOException e) {
                throw new UsageException("--save-start: cannot write to " + saveStart + ": " + e.getMessage());
            }
        }

        private static void writeRows(Path file, float[] values, int rows, int columns)
                throws IOException {
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    text.append(c == 0 ? "" : " ").append(values[r * columns + c]);
                }
                text.append('\n');
            }
            Files.writeString(file, text);
        }

        /** Krotov &amp; Hopfield's schedule, as {@code Trainer} runs it for one full-batch task. */
        private void train(DenseBipolarMemory memory, StateBatch patterns, UnitMask all, int count) {
            NormalisedMomentum optimiser = new NormalisedMomentum(memory.layout(), momentum);
            float[] gradient = new float[memory.layout().size()];
            double rate = learningRate;
            for (int e = 0; e < count; e++) {
                memory.lossGradient(patterns, all, gradient);
                optimiser.step(memory, gradient, rate);
                rate *= decay;
            }
        }
    }

    /** CPU time of the whole process so far (every thread, the JIT and the collector included), or 0 if unknown. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    /**
     * The float product C += A·B (A m×k, B k×n, dense, random in [−1, 1)) through the facade: {@code gflops} for
     * {@code Vectors.gemm} (one call; the native backend spreads a large one over damsel's threads),
     * {@code parallel_gflops} for {@code Vectors.gemmParallel} (rows split over damsel's threads by the facade).
     */
    @Command(name = "gemm", mixinStandardHelpOptions = true,
            description = "GFLOP/s of the float matrix product C += A·B (2mnk flops a call).")
    static final class Gemm implements Runnable {
        @Spec
        CommandSpec spec;
        @Option(names = "--m", defaultValue = "128", description = "rows of A and C (default ${DEFAULT-VALUE})")
        int m;
        @Option(names = "--n", defaultValue = "256", description = "columns of B and C (default ${DEFAULT-VALUE})")
        int n;
        @Option(names = "--k", defaultValue = "512", description = "columns of A, rows of B (default ${DEFAULT-VALUE})")
        int k;
        @Option(names = "--seconds", defaultValue = "3",
                description = "measuring time of each of the two timings (default ${DEFAULT-VALUE})")
        double seconds;
        @Option(names = "--warmup", defaultValue = "3",
                description = "seconds of calls before each timing, for the JIT (default ${DEFAULT-VALUE})")
        double warmup;

        @Override
        public void run() {
            positive("--m", m);
            positive("--n", n);
            positive("--k", k);
            positive("--seconds", seconds);
            notNegative("--warmup", warmup);
            if ((long) m * k > Integer.MAX_VALUE || (long) k * n > Integer.MAX_VALUE
                    || (long) m * n > Integer.MAX_VALUE) {
                throw new UsageException("--m, --n and --k make a matrix of more than 2^31 - 1 floats");
            }
            SplittableRandom random = new SplittableRandom(3);
            float[] a = new float[m * k];
            float[] b = new float[k * n];
            for (int p = 0; p < a.length; p++) {
                a[p] = (float) (2 * random.nextDouble() - 1);
            }
            for (int p = 0; p < b.length; p++) {
                b[p] = (float) (2 * random.nextDouble() - 1);
            }
            float[] c = new float[m * n];
            double flops = 2.0 * m * n * k;
            double single = time(() -> Vectors.gemm(m, n, k, a, b, c), warmup, seconds);
            double parallel = time(() -> Vectors.gemmParallel(m, n, k, a, b, c), warmup, seconds);
            spec.commandLine().getOut().println(String.format(Locale.ROOT,
                    "bench=gemm gflops=%.2f parallel_gflops=%.2f ms_per_call=%.4f m=%d n=%d k=%d vector=%s bits=%d "
                            + "threads=%d",
                    flops / single / 1e9, flops / parallel / 1e9, single * 1e3, m, n, k,
                    Vectors.implementationName(), Vectors.bitWidth(), Vectors.threads()));
        }
    }

    /**
     * Mean seconds per call over {@code seconds}, after {@code warmup} seconds of calls: the vector kernels run
     * boxed until C2 has compiled them, which takes a few seconds of calls, so a shorter warm-up measures the JIT.
     */
    static double time(Runnable call, double warmup, double seconds) {
        warmUp(call, warmup);
        return measure(call, seconds).secondsPerCall();
    }

    /** Calls {@code call} for {@code warmup} seconds (not at all for 0). */
    static void warmUp(Runnable call, double warmup) {
        long warm = System.nanoTime() + (long) (warmup * 1e9);
        while (System.nanoTime() < warm) {
            call.run();
        }
    }

    /** Calls {@code call} for {@code seconds}, at least once, and returns how many calls it made and their mean. */
    static Timing measure(Runnable call, double seconds) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long calls = 0;
        long now;
        do {
            call.run();
            calls++;
            now = System.nanoTime();
        } while (now < end);
        return new Timing(calls, (now - start) / 1e9 / calls);
    }

    /** What {@link #measure} timed: the number of calls and their mean duration. */
    record Timing(long calls, double secondsPerCall) {
    }

    static StateBatch signs(int size, int n, SplittableRandom random) {
        float[] x = new float[size * n];
        for (int p = 0; p < x.length; p++) {
            x[p] = random.nextBoolean() ? 1f : -1f;
        }
        return new StateBatch(size, n, x);
    }

    /** B probes, probe b made from pattern b mod K with round(ρN) distinct bits flipped. */
    static StateBatch noisyProbes(StateBatch patterns, int probes, double rho, SplittableRandom random) {
        int n = patterns.dimension();
        float[] x = new float[probes * n];
        int flips = (int) Math.round(rho * n);
        int[] order = new int[n];
        for (int b = 0; b < probes; b++) {
            System.arraycopy(patterns.values(), (b % patterns.size()) * n, x, b * n, n);
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int f = 0; f < flips; f++) {
                int j = f + random.nextInt(n - f);
                int t = order[f];
                order[f] = order[j];
                order[j] = t;
                x[b * n + order[f]] = -x[b * n + order[f]];
            }
        }
        return new StateBatch(probes, n, x);
    }

    private static void notNegative(String flag, double value) {
        if (!(value >= 0)) {
            throw new UsageException(flag + " must be >= 0 (got " + value + ")");
        }
    }

    private static void positive(String flag, double value) {
        if (!(value > 0)) {
            throw new UsageException(flag + " must be > 0 (got " + value + ")");
        }
    }

    private static void positive(String flag, int value) {
        if (value <= 0) {
            throw new UsageException(flag + " must be > 0 (got " + value + ")");
        }
    }

    private static void degreeInRange(int degree) {
        if (degree < 1 || degree > 60) {
            throw new UsageException("--degree must be in [1, 60] (got " + degree + ")");
        }
    }
}
