package dev.damsel.strategies.joint;

import dev.damsel.api.StateBatch;
import dev.damsel.api.Strategy;
import dev.damsel.api.Task;
import dev.damsel.api.TaskContext;
import dev.damsel.api.UnitMask;

/**
 * Joint training, the upper reference of continual learning: while task k is trained, every epoch is over the union of
 * the training items of tasks 0..k. Its accuracy on task k after task k is the a*_k of Chaudhry et al. 2018, from which
 * the {@code intransigence} metric is computed. On a single task it is exactly {@code naive}: the epoch's items are
 * the task's own, unchanged.
 */
public final class JointStrategy implements Strategy {
    @Override
    public StateBatch epochItems(TaskContext context, int epoch, StateBatch taskItems) {
        UnitMask mask = context.task().trainingMask();
        StateBatch union = StateBatch.empty(taskItems.dimension());
        for (Task earlier : context.earlierTasks()) {
            if (!earlier.trainingMask().equals(mask)) {
                throw new IllegalStateException("joint training needs one loss mask for every task: " + earlier.id()
                        + " has " + earlier.trainingMask() + ", " + context.task().id() + " has " + mask);
            }
            union = union.concat(earlier.trainingItems());
        }
        return union.concat(taskItems);
    }
}
