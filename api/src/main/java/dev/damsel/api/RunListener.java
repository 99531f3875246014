package dev.damsel.api;

/**
 * Observes a run (progress, logging, metric collection). Each hook receives an immutable event record; all are no-ops
 * by default. Listeners must not change the run.
 */
public interface RunListener {

    default void runStarted(RunEvents.RunStarted event) {
    }

    default void taskStarted(RunEvents.TaskStarted event) {
    }

    default void epochFinished(RunEvents.EpochFinished event) {
    }

    default void taskFinished(RunEvents.TaskFinished event) {
    }

    default void evaluated(RunEvents.Evaluated event) {
    }

    default void runFinished(RunEvents.RunFinished event) {
    }

    /** A listener that forwards every event to each of the given listeners, in order. */
    static RunListener all(java.util.List<? extends RunListener> listeners) {
        java.util.List<RunListener> copy = java.util.List.copyOf(listeners);
        return new RunListener() {
            @Override
            public void runStarted(RunEvents.RunStarted e) {
                copy.forEach(l -> l.runStarted(e));
            }

            @Override
            public void taskStarted(RunEvents.TaskStarted e) {
                copy.forEach(l -> l.taskStarted(e));
            }

            @Override
            public void epochFinished(RunEvents.EpochFinished e) {
                copy.forEach(l -> l.epochFinished(e));
            }

            @Override
            public void taskFinished(RunEvents.TaskFinished e) {
                copy.forEach(l -> l.taskFinished(e));
            }

            @Override
            public void evaluated(RunEvents.Evaluated e) {
                copy.forEach(l -> l.evaluated(e));
            }

            @Override
            public void runFinished(RunEvents.RunFinished e) {
                copy.forEach(l -> l.runFinished(e));
            }
        };
    }
}
