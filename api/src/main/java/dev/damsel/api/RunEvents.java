package dev.damsel.api;

/** The immutable events a {@link RunListener} receives. */
public final class RunEvents {
    private RunEvents() {
    }

    /** @param evaluations how many task evaluations the run will make (for progress) */
    public record RunStarted(String suiteId, int taskCount, int epochsPerTask, int evaluations) {
    }

    public record TaskStarted(int taskIndex, String taskId, int epochs) {
    }

    public record EpochFinished(int taskIndex, int epoch, int epochs, double loss, double learningRate,
                                double temperature) {
    }

    public record TaskFinished(int taskIndex, String taskId) {
    }

    /**
     * @param afterTask index of the last task trained, or −1 for the scores before any training
     * @param taskIndex the task scored
     */
    public record Evaluated(int afterTask, int taskIndex, String taskId, TaskScore score) {
    }

    public record RunFinished(AccuracyMatrix matrix) {
    }
}
