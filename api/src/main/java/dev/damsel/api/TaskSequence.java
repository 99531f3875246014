package dev.damsel.api;

import java.util.List;

/**
 * An ordered list of tasks over states of one dimension, made from a seed.
 *
 * @param id        the suite's config id, e.g. {@code "random"}
 * @param dimension N, the units of every task's states
 * @param tasks     the tasks in training order
 */
public record TaskSequence(String id, int dimension, List<Task> tasks) {
    public TaskSequence {
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("a task sequence needs at least one task");
        }
        for (Task task : tasks) {
            if (task.dimension() != dimension) {
                throw new IllegalArgumentException("task " + task.id() + " has dimension " + task.dimension()
                        + ", the sequence has " + dimension);
            }
        }
    }

    public int size() {
        return tasks.size();
    }

    public Task get(int index) {
        return tasks.get(index);
    }
}
