package dev.damsel.core.sequence;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.RunEvents;
import dev.damsel.api.RunListener;
import dev.damsel.api.Strategy;
import dev.damsel.api.Task;
import dev.damsel.api.TaskContext;
import dev.damsel.api.TaskScore;
import dev.damsel.api.TaskSequence;
import dev.damsel.api.TrainableMemory;
import dev.damsel.core.training.Trainer;
import dev.damsel.core.training.TrainingConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The sequential (continual) learning protocol: train tasks one after another and score every task after each, which
 * fills the accuracy matrix of Lopez-Paz &amp; Ranzato 2017 (GEM) and Chaudhry et al. 2018 — R[k][j], the
 * score on task j after training tasks 0..k, and b[j], the score on task j before any training.
 *
 * <p>Order: {@code RunStarted}; every task scored ({@code Evaluated} with {@code afterTask = −1}); then for each task
 * k: {@link Strategy#beforeTask}, {@code TaskStarted}, the {@link Trainer}, {@link Strategy#afterTask},
 * {@code TaskFinished}, every task scored ({@code Evaluated} per task); finally {@code RunFinished}.
 *
 * <p>All randomness comes from the {@code random} given to {@link #run}: it is split once, first, for the trainer. A
 * run is therefore a pure function of its inputs.
 */
public final class SequentialLearning {
    private final TrainingConfig training;
    private final RunListener listener;

    public SequentialLearning(TrainingConfig training, RunListener listener) {
        this.training = Objects.requireNonNull(training, "training");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public SequenceResult run(TaskSequence tasks, TrainableMemory memory, Strategy strategy, SplittableRandom random) {
        if (memory.dimension() != tasks.dimension()) {
            throw new IllegalArgumentException("a memory of dimension " + memory.dimension()
                    + " cannot learn tasks of dimension " + tasks.dimension());
        }
        Trainer trainer = new Trainer(training, listener, random.split());
        int count = tasks.size();
        listener.runStarted(new RunEvents.RunStarted(tasks.id(), count, training.epochs(), count * (count + 1)));

        List<List<TaskScore>> scores = new ArrayList<>();
        List<Double> finalLosses = new ArrayList<>();
        List<TaskScore> before = evaluateAll(tasks, memory, -1);
        scores.add(before);
        double[] b = new double[count];
        double[][] r = new double[count][count];
        for (int j = 0; j < count; j++) {
            b[j] = before.get(j).accuracy();
        }

        for (int k = 0; k < count; k++) {
            Task task = tasks.get(k);
            TaskContext context = new TaskContext(k, task, tasks.tasks().subList(0, k + 1), memory);
            strategy.beforeTask(context);
            listener.taskStarted(new RunEvents.TaskStarted(k, task.id(), training.epochs()));
            finalLosses.add(trainer.train(context, strategy));
            strategy.afterTask(context);
            listener.taskFinished(new RunEvents.TaskFinished(k, task.id()));
            List<TaskScore> after = evaluateAll(tasks, memory, k);
            scores.add(after);
            for (int j = 0; j < count; j++) {
                r[k][j] = after.get(j).accuracy();
            }
        }

        AccuracyMatrix matrix = new AccuracyMatrix(r, b);
        listener.runFinished(new RunEvents.RunFinished(matrix));
        return new SequenceResult(matrix, scores, finalLosses);
    }

    private List<TaskScore> evaluateAll(TaskSequence tasks, TrainableMemory memory, int afterTask) {
        List<TaskScore> scores = new ArrayList<>(tasks.size());
        for (int j = 0; j < tasks.size(); j++) {
            Task task = tasks.get(j);
            TaskScore score = task.evaluate(memory, tasks.tasks().subList(0, afterTask + 1));
            scores.add(score);
            listener.evaluated(new RunEvents.Evaluated(afterTask, j, task.id(), score));
        }
        return scores;
    }
}
