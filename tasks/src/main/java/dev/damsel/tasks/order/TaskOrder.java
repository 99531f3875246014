package dev.damsel.tasks.order;

import dev.damsel.api.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The {@code shuffleOrder} knob every suite shares: the tasks in the order they were made, or in a seeded random
 * order (a uniform Fisher–Yates shuffle). Task ids keep the numbers they were made with, so a shuffled order shows in
 * the results.
 *
 * <p>Suites call this last, with a stream they split from their own after making every task, and they split it
 * whether or not they shuffle: turning the knob on changes the order and nothing else.
 */
public final class TaskOrder {
    private TaskOrder() {
    }

    public static List<Task> arrange(List<Task> tasks, boolean shuffle, SplittableRandom random) {
        List<Task> out = new ArrayList<>(tasks);
        if (shuffle) {
            for (int i = out.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Task t = out.get(i);
                out.set(i, out.get(j));
                out.set(j, t);
            }
        }
        return out;
    }
}
