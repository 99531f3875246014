package dev.damsel.tasks.random;

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
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The {@code random} suite: T autoassociative {@link RetrievalTask}s {@code random-1} … {@code random-T}, each of P
 * unbiased random ±1 patterns of N units (Hopfield 1982; Krotov &amp; Hopfield 2016), all distinct across the suite.
 * Each pattern gets {@code probesPerPattern} probes with exactly round(ρ·N) distinct units flipped, chosen uniformly.
 *
 * <p>Randomness, in a fixed order: one {@code split()} of the given stream per task, in task order; from each task's
 * stream one split for its patterns, then one for its probes, then one {@code nextLong()} for the seed of its
 * {@link RelaxOptions}. So a task's patterns depend only on the seed, P, N and the earlier tasks' patterns, not on the
 * noise or probe count. Patterns are drawn by rejection: a pattern equal to any earlier one of the suite is redrawn.
 * Last, one split orders the tasks ({@code shuffleOrder}, {@link TaskOrder}).
 */
public final class RandomTaskSuiteFactory implements TaskSuiteFactory<RandomTasksConfig> {
    /** The config id of this suite, also the id of the sequences it makes. */
    public static final String ID = "random";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<RandomTasksConfig> configType() {
        return RandomTasksConfig.class;
    }

    @Override
    public RandomTasksConfig defaults() {
        return RandomTasksConfig.DEFAULTS;
    }

    @Override
    public TaskSequence create(RandomTasksConfig config, SplittableRandom random) {
        int n = config.dimension();
        int p = config.patterns();
        int perPattern = config.probesPerPattern();
        int flips = config.flips();
        Set<BitSet> seen = new HashSet<>();
        List<Task> tasks = new ArrayList<>(config.tasks());
        for (int t = 0; t < config.tasks(); t++) {
            SplittableRandom taskRandom = random.split();
            SplittableRandom patternRandom = taskRandom.split();
            SplittableRandom probeRandom = taskRandom.split();
            RelaxOptions relax = new RelaxOptions(config.updateMode(), config.maxIterations(), taskRandom.nextLong());

            float[] patterns = new float[p * n];
            float[] pattern = new float[n];
            for (int mu = 0; mu < p; mu++) {
                do {
                    BipolarPatterns.fill(pattern, patternRandom);
                } while (!seen.add(BipolarPatterns.key(pattern)));
                System.arraycopy(pattern, 0, patterns, mu * n, n);
            }

            StateBatch stored = new StateBatch(p, n, patterns);
            NoisyProbes probes = NoisyProbes.of(stored, perPattern, flips, probeRandom);
            tasks.add(RetrievalTask.autoassociative(ID + "-" + (t + 1), stored, probes.probes(), probes.targets(),
                    relax));
        }
        return new TaskSequence(ID, n, TaskOrder.arrange(tasks, config.shuffleOrder(), random.split()));
    }
}
