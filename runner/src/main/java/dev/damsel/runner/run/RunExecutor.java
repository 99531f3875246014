package dev.damsel.runner.run;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.RunListener;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskScore;
import dev.damsel.api.TaskSequence;
import dev.damsel.api.Task;
import dev.damsel.api.TrainableMemory;
import dev.damsel.core.sequence.SequenceResult;
import dev.damsel.core.sequence.SequentialLearning;
import dev.damsel.reports.RunResult;
import dev.damsel.reports.metrics.Metrics;
import dev.damsel.runner.config.RunPlan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Runs one {@link RunPlan}: makes its components from the seed streams, trains the sequence and computes metrics. */
public final class RunExecutor {
    private final Clock clock;

    public RunExecutor(Clock clock) {
        this.clock = clock;
    }

    public RunResult execute(RunPlan plan, RunListener listener) {
        Instant started = clock.instant();
        SeedStreams seeds = new SeedStreams(plan.seed());
        TaskSequence tasks = plan.createTasks(seeds.tasks());
        InteractionFunction interaction = plan.createInteraction();
        TrainableMemory memory = plan.createMemory(interaction, tasks.dimension(), seeds.memory());
        Strategy strategy = plan.createStrategy(seeds.strategy());
        SequenceResult sequence = new SequentialLearning(plan.training(), listener)
                .run(tasks, memory, strategy, seeds.training());
        List<List<Map<String, Double>>> details = sequence.scores().stream()
                .map(row -> row.stream().map(TaskScore::details).toList())
                .toList();
        return new RunResult(tasks.id(), plan.memory().id(), plan.strategy().id(), plan.seed(), sequence.matrix(),
                RunResult.computeMetrics(sequence.matrix(), Metrics.standard()), details,
                tasks.tasks().stream().map(Task::id).toList(), sequence.finalLosses(), started, clock.instant());
    }
}
