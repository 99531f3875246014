package dev.damsel.core.sequence;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.TaskScore;

import java.util.List;

/**
 * What one sequential-learning run produced.
 *
 * @param matrix      R[k][j] and b[j] (no joint-training reference; attach one with
 *                    {@link AccuracyMatrix#withAStar})
 * @param scores      {@code scores.get(0)}: the score of every task before training; {@code scores.get(k + 1)}: every
 *                    task's score after training task k. Each inner list is indexed by task.
 * @param finalLosses {@code finalLosses.get(k)}: the mean loss per item of the last epoch of task k
 */
public record SequenceResult(AccuracyMatrix matrix, List<List<TaskScore>> scores, List<Double> finalLosses) {
    public SequenceResult {
        scores = scores.stream().map(List::copyOf).toList();
        finalLosses = List.copyOf(finalLosses);
    }

    /** The scores before any training. */
    public List<TaskScore> before() {
        return scores.get(0);
    }

    /** Every task's score after training task {@code task}. */
    public List<TaskScore> after(int task) {
        return scores.get(task + 1);
    }
}
