package dev.damsel.strategies;

import com.google.inject.AbstractModule;
import dev.damsel.core.plugin.PluginBinders;
import dev.damsel.strategies.naive.NaiveStrategyFactory;

/** Binds every strategy of this module under its config id. */
public final class StrategiesModule extends AbstractModule {
    @Override
    protected void configure() {
        PluginBinders.strategies(binder()).addBinding(NaiveStrategyFactory.ID).to(NaiveStrategyFactory.class);
    }
}
