package dev.damsel.tasks.classifier;

import dev.damsel.api.AssociativeMemory;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskScore;
import dev.damsel.api.UnitMask;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A classification task for a dense associative memory used as a classifier (Krotov &amp; Hopfield 2016, section 3;
 * McAlister et al. 2024). States are pixels followed by C label units ({@link ClassifierEncoding}); the loss scores
 * the label units only.
 *
 * <p>Prediction: the pixels of a test image are clamped, every label unit is set to −1, and the memory computes the
 * drive of each label unit, {@code E(x with unit c at −1) − E(x with unit c at +1)}
 * ({@link AssociativeMemory#unitDrives}); the predicted class is the candidate class with the largest drive (the
 * lowest class on ties). The score is the test accuracy with the argmax over {@code candidates} (all classes, or for a
 * class-incremental suite all classes of the suite). Each named variant in {@code variants} restricts the argmax to
 * its own classes and is reported in {@link TaskScore#details()} under its name (e.g. {@code taskIncremental}: the
 * task's own classes, the task-incremental setting of van de Ven, Tuytelaars &amp; Tolias 2022).
 */
public final class ClassificationTask implements Task {
    private static final int CHUNK = 1024;

    private final String id;
    private final StateBatch trainingItems;
    private final StateBatch queries;
    private final int[] testLabels;
    private final UnitMask labelMask;
    private final int[] candidates;
    private final Map<String, int[]> variants;
    private final int[] ownClasses;

    /**
     * @param id            the task id, unique within its sequence
     * @param trainingItems training states: pixels and one-hot label units
     * @param queries       test states: pixels with every label unit at −1
     * @param testLabels    the class of each query
     * @param classes       C, the number of label units (the last C units of a state)
     * @param candidates    the classes the scored argmax runs over
     * @param variants      further argmax restrictions reported as details, in order; may be empty
     */
    public ClassificationTask(String id, StateBatch trainingItems, StateBatch queries, int[] testLabels, int classes,
                              int[] candidates, Map<String, int[]> variants) {
        this(id, trainingItems, queries, testLabels, classes, candidates, variants, null);
    }

    /**
     * A class-incremental task scored over the classes seen so far: with {@code ownClasses} given,
     * {@link #evaluate(AssociativeMemory, List)} restricts the scored argmax to this task's own classes and those of
     * every classification task trained so far (van de Ven, Tuytelaars &amp; Tolias 2022, class-incremental learning);
     * {@link #evaluate(AssociativeMemory)} without that context runs over {@code candidates}.
     *
     * @param ownClasses the classes of this task's items, or null for a task scored over {@code candidates} always
     */
    public ClassificationTask(String id, StateBatch trainingItems, StateBatch queries, int[] testLabels, int classes,
                              int[] candidates, Map<String, int[]> variants, int[] ownClasses) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a classification task needs an id");
        }
        int n = trainingItems.dimension();
        if (queries.dimension() != n) {
            throw new IllegalArgumentException("task " + id + ": items have " + n + " units, queries "
                    + queries.dimension());
        }
        if (classes < 1 || classes >= n) {
            throw new IllegalArgumentException("task " + id + ": " + classes + " classes do not fit in " + n + " units");
        }
        if (queries.isEmpty() || testLabels.length != queries.size()) {
            throw new IllegalArgumentException("task " + id + " needs one label per query and at least one query, got "
                    + testLabels.length + " labels for " + queries.size() + " queries");
        }
        for (int label : testLabels) {
            checkClass(id, label, classes);
        }
        this.id = id;
        this.trainingItems = trainingItems;
        this.queries = queries;
        this.testLabels = testLabels.clone();
        this.labelMask = UnitMask.range(n, n - classes, n);
        this.candidates = checkClasses(id, candidates, classes);
        Map<String, int[]> copy = new LinkedHashMap<>();
        variants.forEach((name, set) -> copy.put(name, checkClasses(id, set, classes)));
        this.variants = copy;
        this.ownClasses = ownClasses == null ? null : checkClasses(id, ownClasses, classes);
    }

    private static int[] checkClasses(String id, int[] set, int classes) {
        int[] sorted = Arrays.stream(set).sorted().distinct().toArray();
        if (sorted.length == 0) {
            throw new IllegalArgumentException("task " + id + ": an argmax needs at least one class");
        }
        for (int c : sorted) {
            checkClass(id, c, classes);
        }
        return sorted;
    }

    private static void checkClass(String id, int c, int classes) {
        if (c < 0 || c >= classes) {
            throw new IllegalArgumentException("task " + id + ": class " + c + " is not in [0, " + classes + ")");
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public StateBatch trainingItems() {
        return trainingItems;
    }

    /** The label units. */
    @Override
    public UnitMask trainingMask() {
        return labelMask;
    }

    public StateBatch queries() {
        return queries;
    }

    public int[] testLabels() {
        return testLabels.clone();
    }

    /** The classes the scored argmax runs over. */
    public int[] candidates() {
        return candidates.clone();
    }

    /** The named argmax restrictions reported as details. */
    public Map<String, int[]> variants() {
        Map<String, int[]> copy = new LinkedHashMap<>();
        variants.forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** The class a memory predicts for each query, argmax over all C classes. */
    public int[] predict(AssociativeMemory memory) {
        int[] all = new int[labelMask.size()];
        Arrays.setAll(all, c -> c);
        return predictions(drives(memory), all);
    }

    @Override
    public TaskScore evaluate(AssociativeMemory memory) {
        return score(memory, candidates);
    }

    /** With own classes given, the scored argmax runs over the classes seen so far: this task's and the trained ones'. */
    @Override
    public TaskScore evaluate(AssociativeMemory memory, List<Task> trainedTasks) {
        if (ownClasses == null) {
            return evaluate(memory);
        }
        IntStream seen = IntStream.of(ownClasses);
        for (Task trained : trainedTasks) {
            if (trained instanceof ClassificationTask classification && classification.ownClasses != null) {
                seen = IntStream.concat(seen, IntStream.of(classification.ownClasses));
            }
        }
        return score(memory, seen.sorted().distinct().toArray());
    }

    private TaskScore score(AssociativeMemory memory, int[] scored) {
        double[] drives = drives(memory);
        Map<String, Double> details = new LinkedHashMap<>();
        variants.forEach((name, set) -> details.put(name, accuracy(predictions(drives, set))));
        return new TaskScore(accuracy(predictions(drives, scored)), details);
    }

    private double[] drives(AssociativeMemory memory) {
        int n = queries.dimension();
        if (memory.dimension() != n) {
            throw new IllegalArgumentException("task " + id + " has dimension " + n + ", the memory " + memory.dimension());
        }
        int c = labelMask.size();
        double[] drives = new double[queries.size() * c];
        for (int from = 0; from < queries.size(); from += CHUNK) {
            int to = Math.min(queries.size(), from + CHUNK);
            StateBatch chunk = from == 0 && to == queries.size() ? queries : queries.slice(from, to);
            double[] part = memory.unitDrives(chunk, labelMask);
            if (part.length != chunk.size() * c) {
                throw new IllegalStateException("unitDrives of " + chunk + " over " + c + " units returned "
                        + part.length + " values");
            }
            System.arraycopy(part, 0, drives, from * c, part.length);
        }
        return drives;
    }

    private int[] predictions(double[] drives, int[] set) {
        int c = labelMask.size();
        int[] predicted = new int[queries.size()];
        for (int q = 0; q < predicted.length; q++) {
            int best = set[0];
            double bestDrive = drives[q * c + best];
            for (int k = 1; k < set.length; k++) {
                double d = drives[q * c + set[k]];
                if (d > bestDrive) {
                    bestDrive = d;
                    best = set[k];
                }
            }
            predicted[q] = best;
        }
        return predicted;
    }

    private double accuracy(int[] predicted) {
        int correct = 0;
        for (int q = 0; q < predicted.length; q++) {
            if (predicted[q] == testLabels[q]) {
                correct++;
            }
        }
        return (double) correct / predicted.length;
    }

    @Override
    public String toString() {
        return "ClassificationTask[" + id + ": " + trainingItems.size() + " items, " + queries.size() + " queries, "
                + labelMask.size() + " classes, N=" + queries.dimension() + "]";
    }
}
