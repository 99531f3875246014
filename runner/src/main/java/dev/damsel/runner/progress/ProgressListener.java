package dev.damsel.runner.progress;

import dev.damsel.api.RunEvents;
import dev.damsel.api.RunListener;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Shows a run's progress: a progress bar over epochs and evaluations when standard error is a terminal, and one log
 * line per trained task in any case, so that a long run in CI or under {@code nohup} still says where it is.
 */
public final class ProgressListener implements RunListener, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(ProgressListener.class);
    private final boolean interactive;
    private final String label;
    private ProgressBar bar;
    private int taskCount;
    private long taskStartNanos;
    private double lastLoss = Double.NaN;

    public ProgressListener(boolean interactive, String label) {
        this.interactive = interactive;
        this.label = label;
    }

    @Override
    public void runStarted(RunEvents.RunStarted event) {
        taskCount = event.taskCount();
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName(label).setStyle(ProgressBarStyle.ASCII)
                    .setInitialMax((long) event.taskCount() * event.epochsPerTask() + event.evaluations())
                    .setUpdateIntervalMillis(200).continuousUpdate().build();
        }
        LOG.info("{}: {} tasks of suite '{}', {} epochs each", label, event.taskCount(), event.suiteId(),
                event.epochsPerTask());
    }

    @Override
    public void taskStarted(RunEvents.TaskStarted event) {
        taskStartNanos = System.nanoTime();
        if (bar != null) {
            bar.setExtraMessage(" task " + (event.taskIndex() + 1) + "/" + taskCount);
        }
    }

    @Override
    public void epochFinished(RunEvents.EpochFinished event) {
        lastLoss = event.loss();
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void taskFinished(RunEvents.TaskFinished event) {
        double seconds = (System.nanoTime() - taskStartNanos) / 1e9;
        if (bar == null) {
            LOG.info("{}: trained task {}/{} ({}) in {} s, final loss per item {}", label, event.taskIndex() + 1,
                    taskCount, event.taskId(), String.format("%.2f", seconds), String.format("%.4g", lastLoss));
        }
    }

    @Override
    public void evaluated(RunEvents.Evaluated event) {
        if (bar != null) {
            bar.step();
        }
    }

    @Override
    public void runFinished(RunEvents.RunFinished event) {
        close();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
