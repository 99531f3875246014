package dev.damsel.tasks.prototype;

import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskSequence;
import dev.damsel.api.plugin.TaskSuiteFactory;
import dev.damsel.tasks.order.TaskOrder;
import dev.damsel.tasks.retrieval.BipolarPatterns;
import dev.damsel.tasks.retrieval.RetrievalTask;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The {@code prototype} suite: tasks {@code prototype-1} … each of p random ±1 prototypes (distinct across the suite)
 * and e examples per prototype with every unit flipped independently with probability q (Krotov &amp; Hopfield 2016's
 * prototype regime). The memory trains on the examples only; a task is a {@link RetrievalTask} whose targets are the
 * prototypes and whose probes are fresh noisy examples (same q), scored on exact recall of the prototype.
 *
 * <p>Randomness, in a fixed order: per task one split, from which a split for its prototypes, one for its examples,
 * one for its probes and one {@code nextLong()} for its relaxation seed; last, one split orders the tasks.
 */
public final class PrototypeTaskSuiteFactory implements TaskSuiteFactory<PrototypeTasksConfig> {
    public static final String ID = "prototype";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<PrototypeTasksConfig> configType() {
        return PrototypeTasksConfig.class;
    }

    @Override
    public PrototypeTasksConfig defaults() {
        return PrototypeTasksConfig.DEFAULTS;
    }

    @Override
    public TaskSequence create(PrototypeTasksConfig config, SplittableRandom random) {
        int n = config.dimension();
        int p = config.prototypes();
        Set<BitSet> seen = new HashSet<>();
        List<Task> tasks = new ArrayList<>(config.tasks());
        for (int t = 0; t < config.tasks(); t++) {
            SplittableRandom taskRandom = random.split();
            SplittableRandom prototypeRandom = taskRandom.split();
            SplittableRandom exampleRandom = taskRandom.split();
            SplittableRandom probeRandom = taskRandom.split();
            RelaxOptions relax = new RelaxOptions(config.updateMode(), config.maxIterations(), taskRandom.nextLong());

            float[] prototypes = new float[p * n];
            float[] row = new float[n];
            for (int mu = 0; mu < p; mu++) {
                do {
                    BipolarPatterns.fill(row, prototypeRandom);
                } while (!seen.add(BipolarPatterns.key(row)));
                System.arraycopy(row, 0, prototypes, mu * n, n);
            }
            StateBatch prototypeBatch = new StateBatch(p, n, prototypes);
            StateBatch examples = noisyCopies(prototypes, p, n, config.examples(), config.exampleNoise(), exampleRandom);
            StateBatch probes = noisyCopies(prototypes, p, n, config.probesPerPrototype(), config.exampleNoise(),
                    probeRandom);
            int[] probeTargets = new int[p * config.probesPerPrototype()];
            for (int k = 0; k < probeTargets.length; k++) {
                probeTargets[k] = k / config.probesPerPrototype();
            }
            tasks.add(new RetrievalTask(ID + "-" + (t + 1), examples, prototypeBatch, probes, probeTargets, relax));
        }
        return new TaskSequence(ID, n, TaskOrder.arrange(tasks, config.shuffleOrder(), random.split()));
    }

    /** {@code copies} noisy copies of each prototype, prototype-major. */
    private static StateBatch noisyCopies(float[] prototypes, int p, int n, int copies, double q,
                                          SplittableRandom random) {
        float[] out = new float[p * copies * n];
        float[] row = new float[n];
        for (int mu = 0, k = 0; mu < p; mu++) {
            for (int r = 0; r < copies; r++, k++) {
                System.arraycopy(prototypes, mu * n, row, 0, n);
                BipolarPatterns.flipEach(row, q, random);
                System.arraycopy(row, 0, out, k * n, n);
            }
        }
        return new StateBatch(p * copies, n, out);
    }
}
