package dev.damsel.core.training;

import dev.damsel.api.AssociativeMemory;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskScore;
import dev.damsel.api.UnitMask;

/** An autoassociative task whose score is the fraction of its items that are fixed points of one synchronous step. */
record SimpleTask(String id, StateBatch trainingItems) implements Task {
    @Override
    public UnitMask trainingMask() {
        return UnitMask.all(trainingItems.dimension());
    }

    @Override
    public TaskScore evaluate(AssociativeMemory memory) {
        StateBatch stepped = memory.relax(trainingItems, trainingMask(),
                dev.damsel.api.RelaxOptions.DEFAULT.singleStep());
        int fixed = 0;
        for (int b = 0; b < trainingItems.size(); b++) {
            if (java.util.Arrays.equals(stepped.row(b), trainingItems.row(b))) {
                fixed++;
            }
        }
        return TaskScore.of((double) fixed / trainingItems.size());
    }
}
