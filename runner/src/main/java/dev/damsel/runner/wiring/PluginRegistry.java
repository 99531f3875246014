package dev.damsel.runner.wiring;

import dev.damsel.api.plugin.InteractionFactory;
import dev.damsel.api.plugin.MemoryFactory;
import dev.damsel.api.plugin.StrategyFactory;
import dev.damsel.api.plugin.TaskSuiteFactory;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.TreeMap;

/** Every plugin factory the injector knows, by config id, as the Guice map binders collected them. */
public final class PluginRegistry {
    private final Map<String, TaskSuiteFactory<?>> taskSuites;
    private final Map<String, MemoryFactory<?>> memories;
    private final Map<String, InteractionFactory<?>> interactions;
    private final Map<String, StrategyFactory<?>> strategies;

    @Inject
    public PluginRegistry(Map<String, TaskSuiteFactory<?>> taskSuites, Map<String, MemoryFactory<?>> memories,
                          Map<String, InteractionFactory<?>> interactions, Map<String, StrategyFactory<?>> strategies) {
        this.taskSuites = new TreeMap<>(taskSuites);
        this.memories = new TreeMap<>(memories);
        this.interactions = new TreeMap<>(interactions);
        this.strategies = new TreeMap<>(strategies);
    }

    public Map<String, TaskSuiteFactory<?>> taskSuites() {
        return taskSuites;
    }

    public Map<String, MemoryFactory<?>> memories() {
        return memories;
    }

    public Map<String, InteractionFactory<?>> interactions() {
        return interactions;
    }

    public Map<String, StrategyFactory<?>> strategies() {
        return strategies;
    }
}
