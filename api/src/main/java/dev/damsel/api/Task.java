package dev.damsel.api;

/**
 * One task of a sequence: items to train on, the units the loss scores, and how to score a memory on it.
 *
 * <p>Evaluation is deterministic: any noise in the probes is drawn when the task is made, from the task's seed.
 */
public interface Task {

    /** A stable id within its sequence, e.g. {@code "random-3"}. */
    String id();

    /** The training items, one state each. */
    StateBatch trainingItems();

    /** The units the loss scores (all units for autoassociative tasks, the label units for classifiers). */
    UnitMask trainingMask();

    /** Scores a memory on this task's evaluation items. Must not change the memory. */
    TaskScore evaluate(AssociativeMemory memory);

    /**
     * Scores a memory that has been trained on {@code trainedTasks} (in order; empty before any training). Tasks
     * whose score depends on how far training has got override it — a class-incremental task scores the argmax over
     * the classes seen so far. Default: {@link #evaluate(AssociativeMemory)}.
     */
    default TaskScore evaluate(AssociativeMemory memory, java.util.List<Task> trainedTasks) {
        return evaluate(memory);
    }

    default int dimension() {
        return trainingMask().dimension();
    }
}
