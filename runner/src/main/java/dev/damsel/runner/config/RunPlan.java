package dev.damsel.runner.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.damsel.api.InteractionFunction;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskSequence;
import dev.damsel.api.TrainableMemory;
import dev.damsel.api.plugin.InteractionFactory;
import dev.damsel.api.plugin.MemoryFactory;
import dev.damsel.api.plugin.StrategyFactory;
import dev.damsel.api.plugin.TaskSuiteFactory;
import dev.damsel.core.training.TrainingConfig;

import java.util.SplittableRandom;

/**
 * A validated run configuration: one seed, the chosen components with their config records, the training schedule,
 * and the fully resolved config tree (every default filled in) from which the run can be repeated.
 */
public record RunPlan(long seed,
                      Component<TaskSuiteFactory<?>> tasks,
                      Component<MemoryFactory<?>> memory,
                      Component<InteractionFactory<?>> interaction,
                      TrainingConfig training,
                      Component<StrategyFactory<?>> strategy,
                      ObjectNode resolved) {

    public TaskSequence createTasks(SplittableRandom random) {
        return createTasks(tasks, random);
    }

    public InteractionFunction createInteraction() {
        return createInteraction(interaction);
    }

    public TrainableMemory createMemory(InteractionFunction function, int dimension, SplittableRandom random) {
        return createMemory(memory, function, dimension, random);
    }

    public Strategy createStrategy(SplittableRandom random) {
        return createStrategy(strategy, random);
    }

    /** The same plan with another seed. */
    public RunPlan withSeed(long newSeed) {
        ObjectNode tree = resolved.deepCopy();
        tree.put("seed", newSeed);
        return new RunPlan(newSeed, tasks, memory, interaction, training, strategy, tree);
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> TaskSequence createTasks(Component<TaskSuiteFactory<?>> c, SplittableRandom r) {
        TaskSuiteFactory<C> factory = (TaskSuiteFactory<C>) c.factory();
        return factory.create(factory.configType().cast(c.config()), r);
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> InteractionFunction createInteraction(Component<InteractionFactory<?>> c) {
        InteractionFactory<C> factory = (InteractionFactory<C>) c.factory();
        return factory.create(factory.configType().cast(c.config()));
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> TrainableMemory createMemory(Component<MemoryFactory<?>> c, InteractionFunction f,
                                                                   int dimension, SplittableRandom r) {
        MemoryFactory<C> factory = (MemoryFactory<C>) c.factory();
        return factory.create(factory.configType().cast(c.config()), f, dimension, r);
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record> Strategy createStrategy(Component<StrategyFactory<?>> c, SplittableRandom r) {
        StrategyFactory<C> factory = (StrategyFactory<C>) c.factory();
        return factory.create(factory.configType().cast(c.config()), r);
    }
}
