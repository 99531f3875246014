package dev.damsel.tasks.retrieval;

import dev.damsel.api.AssociativeMemory;
import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskScore;
import dev.damsel.api.UnitMask;

import java.util.Map;

/**
 * An autoassociative retrieval task: the memory is trained on some items and scored on whether corrupted probes relax
 * back to their target patterns, the recall experiment of Hopfield 1982 and, for dense associative memories,
 * Krotov &amp; Hopfield 2016.
 *
 * <p>Training items and targets are separate so that suites beyond random patterns fit: for random or correlated
 * patterns the items are the targets; for prototypes learned from noisy examples the items are the examples and the
 * targets the prototypes. Probes are drawn when the task is made, so {@link #evaluate} is deterministic.
 *
 * <p>Scores, for P' probes x̃_p with targets ξ_{t(p)}, relaxed to x_p over all N units:
 * <ul>
 *   <li>accuracy = (1/P') · #{p : x_p = ξ_{t(p)}}, exact recall of every unit;</li>
 *   <li>{@code meanOverlap} = (1/P') Σ_p |x_p·ξ_{t(p)}| / N, the mean absolute overlap m of Amit, Gutfreund &amp;
 *       Sompolinsky 1985 (1 for perfect recall or recall of the inverted pattern, about 0 for an unrelated state).</li>
 * </ul>
 */
public final class RetrievalTask implements Task {
    /** The detail key of the mean absolute overlap. */
    public static final String MEAN_OVERLAP = "meanOverlap";

    private final String id;
    private final StateBatch trainingItems;
    private final StateBatch targets;
    private final StateBatch probes;
    private final int[] probeTargets;
    private final RelaxOptions relaxOptions;
    private final UnitMask mask;

    /**
     * @param id            the task id, unique within its sequence
     * @param trainingItems the states to train on (for autoassociative patterns: the targets themselves)
     * @param targets       the patterns probes should relax to
     * @param probes        the corrupted probes, at least one
     * @param probeTargets  for each probe, the index of its target in {@code targets}
     * @param relaxOptions  how {@link #evaluate} relaxes the probes
     */
    public RetrievalTask(String id, StateBatch trainingItems, StateBatch targets, StateBatch probes,
                         int[] probeTargets, RelaxOptions relaxOptions) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a retrieval task needs an id");
        }
        int n = targets.dimension();
        if (trainingItems.dimension() != n || probes.dimension() != n) {
            throw new IllegalArgumentException("task " + id + ": training items, targets and probes must share one"
                    + " dimension, got " + trainingItems.dimension() + ", " + n + " and " + probes.dimension());
        }
        if (targets.isEmpty() || probes.isEmpty()) {
            throw new IllegalArgumentException("task " + id + " needs at least one target and one probe");
        }
        if (probeTargets.length != probes.size()) {
            throw new IllegalArgumentException("task " + id + ": " + probes.size() + " probes but "
                    + probeTargets.length + " probe targets");
        }
        for (int p = 0; p < probeTargets.length; p++) {
            if (probeTargets[p] < 0 || probeTargets[p] >= targets.size()) {
                throw new IllegalArgumentException("task " + id + ": probe " + p + " names target " + probeTargets[p]
                        + ", there are " + targets.size());
            }
        }
        this.id = id;
        this.trainingItems = trainingItems;
        this.targets = targets;
        this.probes = probes;
        this.probeTargets = probeTargets.clone();
        this.relaxOptions = relaxOptions;
        this.mask = UnitMask.all(n);
    }

    /** An autoassociative task whose training items are its target patterns. */
    public static RetrievalTask autoassociative(String id, StateBatch patterns, StateBatch probes, int[] probeTargets,
                                                RelaxOptions relaxOptions) {
        return new RetrievalTask(id, patterns, patterns, probes, probeTargets, relaxOptions);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public StateBatch trainingItems() {
        return trainingItems;
    }

    /** All units: an autoassociative loss scores every unit. */
    @Override
    public UnitMask trainingMask() {
        return mask;
    }

    /** The patterns probes should relax to. */
    public StateBatch targets() {
        return targets;
    }

    public StateBatch probes() {
        return probes;
    }

    /** For each probe, the index of its target in {@link #targets()}; a copy. */
    public int[] probeTargets() {
        return probeTargets.clone();
    }

    public RelaxOptions relaxOptions() {
        return relaxOptions;
    }

    /** Relaxes every probe over all units and compares it with its target (see the class comment). */
    @Override
    public TaskScore evaluate(AssociativeMemory memory) {
        int n = targets.dimension();
        if (memory.dimension() != n) {
            throw new IllegalArgumentException("task " + id + " has dimension " + n + ", the memory "
                    + memory.dimension());
        }
        StateBatch relaxed = memory.relax(probes, mask, relaxOptions);
        if (relaxed.size() != probes.size() || relaxed.dimension() != n) {
            throw new IllegalStateException("relaxing " + probes + " returned " + relaxed);
        }
        float[] x = relaxed.values();
        float[] xi = targets.values();
        int exact = 0;
        double overlapSum = 0;
        for (int p = 0; p < probeTargets.length; p++) {
            int xRow = p * n;
            int tRow = probeTargets[p] * n;
            boolean equal = true;
            double dot = 0;
            for (int i = 0; i < n; i++) {
                float a = x[xRow + i];
                float b = xi[tRow + i];
                equal &= a == b;
                dot += (double) a * b;
            }
            if (equal) {
                exact++;
            }
            overlapSum += Math.abs(dot) / n;
        }
        int count = probeTargets.length;
        return new TaskScore((double) exact / count, Map.of(MEAN_OVERLAP, overlapSum / count));
    }

    @Override
    public String toString() {
        return "RetrievalTask[" + id + ": " + trainingItems.size() + " items, " + targets.size() + " targets, "
                + probes.size() + " probes, N=" + targets.dimension() + "]";
    }
}
