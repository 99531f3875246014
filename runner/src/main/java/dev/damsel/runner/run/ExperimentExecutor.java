package dev.damsel.runner.run;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.RunListener;
import dev.damsel.reports.RunResult;
import dev.damsel.reports.metrics.Metrics;
import dev.damsel.runner.config.ExperimentPlan;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every (strategy, seed) pair of an {@link ExperimentPlan} on a fixed pool of threads. Each run makes all its
 * components from its own seed ({@link SeedStreams}), so a run's result does not depend on which thread ran it or
 * when; results come back in {@link ExperimentPlan#runs()} order.
 *
 * <p>When the experiment includes the {@code joint} strategy, its accuracy on task k after task k is the joint-training
 * reference a*_k (Chaudhry et al. 2018) of every run on the same seed: it is attached to each of them and their
 * metrics recomputed, which defines {@code intransigence}.
 */
public final class ExperimentExecutor {
    /** The config id of the strategy whose runs give a*. */
    public static final String JOINT = "joint";
    private static final Logger LOG = LogManager.getLogger(ExperimentExecutor.class);

    private final Clock clock;
    private final int threads;

    public ExperimentExecutor(Clock clock, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.clock = clock;
        this.threads = threads;
    }

    public List<RunResult> execute(ExperimentPlan experiment) {
        return execute(experiment, (run, result) -> {
        });
    }

    /**
     * Runs the experiment, handing each run's result to {@code finished} as soon as it is done (on the thread that ran
     * it, before any a* is attached), so that finished runs can be saved while the others go on.
     */
    public List<RunResult> execute(ExperimentPlan experiment, BiConsumer<ExperimentPlan.Run, RunResult> finished) {
        return execute(experiment, Collections.nCopies(experiment.runs().size(), null), finished);
    }

    /**
     * As {@link #execute(ExperimentPlan, BiConsumer)}, but takes the runs whose entry in {@code earlier} (in
     * {@link ExperimentPlan#runs()} order) is not null as already done, with that result, and runs only the others.
     */
    public List<RunResult> execute(ExperimentPlan experiment, List<RunResult> earlier,
                                   BiConsumer<ExperimentPlan.Run, RunResult> finished) {
        List<ExperimentPlan.Run> runs = experiment.runs();
        if (earlier.size() != runs.size()) {
            throw new IllegalArgumentException("earlier results: " + earlier.size() + " for " + runs.size() + " runs");
        }
        int toRun = (int) earlier.stream().filter(r -> r == null).count();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, toRun)));
        AtomicInteger done = new AtomicInteger(runs.size() - toRun);
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                ExperimentPlan.Run run = runs.get(i);
                if (earlier.get(i) != null) {
                    futures.add(CompletableFuture.completedFuture(earlier.get(i)));
                    continue;
                }
                futures.add(pool.submit(() -> {
                    RunResult result = new RunExecutor(clock).execute(run.plan(), new RunListener() {
                    });
                    finished.accept(run, result);
                    LOG.info("finished {} seed {} ({}/{}): acc {}", run.arm().name(), run.seed(),
                            done.incrementAndGet(), runs.size(), String.format(Locale.ROOT, "%.3f",
                                    result.metrics().getOrDefault("acc", Double.NaN)));
                    return result;
                }));
            }
            List<RunResult> results = new ArrayList<>();
            for (Future<RunResult> future : futures) {
                results.add(future.get());
            }
            return withJointReference(runs, results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the experiment", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Attaches a*, the diagonal of the joint run's R on the same seed, to every run when there is a joint run. */
    static List<RunResult> withJointReference(List<ExperimentPlan.Run> runs, List<RunResult> results) {
        Map<Long, double[]> reference = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).plan().strategy().id().equals(JOINT)) {
                AccuracyMatrix m = results.get(i).matrix();
                double[] diagonal = new double[m.tasks()];
                for (int k = 0; k < diagonal.length; k++) {
                    diagonal[k] = m.get(k, k);
                }
                reference.putIfAbsent(runs.get(i).seed(), diagonal);
            }
        }
        if (reference.isEmpty()) {
            return results;
        }
        List<RunResult> out = new ArrayList<>();
        for (RunResult r : results) {
            double[] aStar = reference.get(r.seed());
            AccuracyMatrix matrix = r.matrix().withAStar(aStar);
            out.add(new RunResult(r.suite(), r.memory(), r.strategy(), r.seed(), matrix,
                    RunResult.computeMetrics(matrix, Metrics.standard()), r.details(), r.taskIds(), r.finalLosses(),
                    r.started(), r.finished()));
        }
        return out;
    }
}
