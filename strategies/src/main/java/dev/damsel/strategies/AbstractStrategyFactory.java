package dev.damsel.strategies;

import dev.damsel.api.plugin.StrategyFactory;

/**
 * A strategy factory whose id, config type and defaults are fixed at construction; subclasses only make the
 * strategy.
 *
 * @param <C> the strategy's configuration record
 */
public abstract class AbstractStrategyFactory<C extends Record> implements StrategyFactory<C> {
    private final String id;
    private final Class<C> configType;
    private final C defaults;

    protected AbstractStrategyFactory(String id, Class<C> configType, C defaults) {
        this.id = id;
        this.configType = configType;
        this.defaults = defaults;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Class<C> configType() {
        return configType;
    }

    @Override
    public final C defaults() {
        return defaults;
    }
}
