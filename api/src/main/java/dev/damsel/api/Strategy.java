package dev.damsel.api;

/**
 * A continual-learning strategy: hooks into the training of a task sequence, each a no-op by default.
 *
 * <p>The order for task k: {@link #beforeTask}; per epoch {@link #epochItems}; per step {@link #batch}, the loss
 * gradient, {@link #adjustGradient}, the optimiser update, {@link #afterUpdate}; then {@link #afterTask}. Replay
 * strategies add items, regularisers (EWC, SI, MAS, L2) add a penalty gradient, projection methods (GEM, A-GEM)
 * project the gradient. All of it acts before the optimiser normalises each memory's step by its largest entry.
 */
public interface Strategy {

    default void beforeTask(TaskContext context) {
    }

    /** The items to train on this epoch; {@code taskItems} are the current task's. Default: those items. */
    default StateBatch epochItems(TaskContext context, int epoch, StateBatch taskItems) {
        return taskItems;
    }

    /** The items of one step, given the batch drawn from the epoch's items. Default: the batch itself. */
    default StateBatch batch(TaskContext context, int epoch, StateBatch batch) {
        return batch;
    }

    /** Adds a penalty gradient to, or projects, {@link GradientStep#gradient()} in place. */
    default void adjustGradient(GradientStep step) {
    }

    /** Called after the optimiser has moved θ; {@code parametersBefore} is θ before the move. */
    default void afterUpdate(GradientStep step, float[] parametersBefore) {
    }

    /** Whether {@link #afterUpdate} needs {@code parametersBefore} (a copy of θ per step is made only then). */
    default boolean needsParametersBefore() {
        return false;
    }

    default void afterTask(TaskContext context) {
    }
}
