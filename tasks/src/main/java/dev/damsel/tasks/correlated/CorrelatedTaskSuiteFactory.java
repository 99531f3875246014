package dev.damsel.tasks.correlated;

import dev.damsel.api.ConfigException;
import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskSequence;
import dev.damsel.api.plugin.TaskSuiteFactory;
import dev.damsel.tasks.order.TaskOrder;
import dev.damsel.tasks.retrieval.BipolarPatterns;
import dev.damsel.tasks.retrieval.NoisyProbes;
import dev.damsel.tasks.retrieval.RetrievalTask;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code correlated} suite: T autoassociative {@link RetrievalTask}s {@code correlated-1} … of P patterns whose
 * features are correlated through one latent ±1 pattern λ shared by the whole suite, and which are pairwise at least
 * d units apart (after Bielmeier &amp; Friedland 2025, who vary feature correlation and pattern separation).
 *
 * <p>Each unit of a pattern is λ_i with probability c and a fair coin otherwise, so P(x_i = λ_i) = (1 + c)/2 and two
 * patterns have expected overlap E[x·y]/N = c². A draw that lies closer than d to any earlier pattern of the suite is
 * redrawn, at most {@code maxAttempts} times per pattern; when that does not suffice the suite stops with a
 * {@link ConfigException} on {@code tasks.minDistance}. Probes are scored as in {@code random}.
 *
 * <p>Randomness, in a fixed order: one split for λ; per task one split, from which a split for its patterns, one for
 * its probes and one {@code nextLong()} for its relaxation seed; last, one split orders the tasks.
 */
public final class CorrelatedTaskSuiteFactory implements TaskSuiteFactory<CorrelatedTasksConfig> {
    public static final String ID = "correlated";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<CorrelatedTasksConfig> configType() {
        return CorrelatedTasksConfig.class;
    }

    @Override
    public CorrelatedTasksConfig defaults() {
        return CorrelatedTasksConfig.DEFAULTS;
    }

    @Override
    public TaskSequence create(CorrelatedTasksConfig config, SplittableRandom random) {
        int n = config.dimension();
        int p = config.patterns();
        int perPattern = config.probesPerPattern();
        float[] latent = new float[n];
        BipolarPatterns.fill(latent, random.split());
        List<float[]> suite = new ArrayList<>();
        List<Task> tasks = new ArrayList<>(config.tasks());
        for (int t = 0; t < config.tasks(); t++) {
            SplittableRandom taskRandom = random.split();
            SplittableRandom patternRandom = taskRandom.split();
            SplittableRandom probeRandom = taskRandom.split();
            RelaxOptions relax = new RelaxOptions(config.updateMode(), config.maxIterations(), taskRandom.nextLong());

            float[] patterns = new float[p * n];
            for (int mu = 0; mu < p; mu++) {
                float[] pattern = draw(config, latent, suite, patternRandom, t, mu);
                suite.add(pattern);
                System.arraycopy(pattern, 0, patterns, mu * n, n);
            }
            StateBatch stored = new StateBatch(p, n, patterns);
            NoisyProbes probes = NoisyProbes.of(stored, perPattern, config.flips(), probeRandom);
            tasks.add(RetrievalTask.autoassociative(ID + "-" + (t + 1), stored, probes.probes(), probes.targets(),
                    relax));
        }
        return new TaskSequence(ID, n, TaskOrder.arrange(tasks, config.shuffleOrder(), random.split()));
    }

    private static float[] draw(CorrelatedTasksConfig config, float[] latent, List<float[]> earlier,
                                SplittableRandom random, int task, int index) {
        int n = latent.length;
        for (int attempt = 0; attempt < config.maxAttempts(); attempt++) {
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                boolean copy = random.nextDouble() < config.correlation();
                x[i] = copy ? latent[i] : (random.nextBoolean() ? 1f : -1f);
            }
            if (farFromAll(x, earlier, config.minDistance())) {
                return x;
            }
        }
        throw new ConfigException("minDistance", "of " + config.minDistance() + " could not be met: pattern "
                + (index + 1) + " of task " + (task + 1) + " was within that distance of an earlier pattern in all "
                + config.maxAttempts() + " draws; lower minDistance or correlation, or raise maxAttempts")
                .under("tasks");
    }

    private static boolean farFromAll(float[] x, List<float[]> earlier, int d) {
        if (d == 0) {
            return true;
        }
        for (float[] y : earlier) {
            int distance = 0;
            for (int i = 0; i < x.length && distance < d; i++) {
                if (x[i] != y[i]) {
                    distance++;
                }
            }
            if (distance < d) {
                return false;
            }
        }
        return true;
    }
}
