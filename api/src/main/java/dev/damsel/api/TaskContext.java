package dev.damsel.api;

import java.util.List;

/**
 * What a strategy sees at a task boundary or during a task's training.
 *
 * @param taskIndex index of the task being trained, from 0
 * @param task      the task being trained
 * @param seenTasks the tasks trained so far, this one last
 * @param memory    the memory being trained (live, not a copy)
 */
public record TaskContext(int taskIndex, Task task, List<Task> seenTasks, TrainableMemory memory) {
    public TaskContext {
        seenTasks = List.copyOf(seenTasks);
    }

    /** The tasks trained before this one. */
    public List<Task> earlierTasks() {
        return seenTasks.subList(0, seenTasks.size() - 1);
    }
}
