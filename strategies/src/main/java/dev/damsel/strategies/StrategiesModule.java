package dev.damsel.strategies;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.damsel.api.plugin.StrategyFactory;
import dev.damsel.core.plugin.PluginBinders;
import dev.damsel.strategies.joint.JointStrategyFactory;
import dev.damsel.strategies.naive.NaiveStrategyFactory;
import dev.damsel.strategies.projection.AGemStrategyFactory;
import dev.damsel.strategies.projection.GemStrategyFactory;
import dev.damsel.strategies.regularisation.EwcStrategyFactory;
import dev.damsel.strategies.regularisation.L2StrategyFactory;
import dev.damsel.strategies.regularisation.MasStrategyFactory;
import dev.damsel.strategies.regularisation.OnlineEwcStrategyFactory;
import dev.damsel.strategies.regularisation.SiStrategyFactory;
import dev.damsel.strategies.replay.PseudoRehearsalStrategyFactory;
import dev.damsel.strategies.replay.RehearsalStrategyFactory;

/** Binds every strategy of this module under its config id. */
public final class StrategiesModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder<String, StrategyFactory<?>> strategies = PluginBinders.strategies(binder());
        strategies.addBinding(NaiveStrategyFactory.ID).to(NaiveStrategyFactory.class);
        strategies.addBinding(JointStrategyFactory.ID).to(JointStrategyFactory.class);
        strategies.addBinding(RehearsalStrategyFactory.ID).to(RehearsalStrategyFactory.class);
        strategies.addBinding(PseudoRehearsalStrategyFactory.ID).to(PseudoRehearsalStrategyFactory.class);
        strategies.addBinding(EwcStrategyFactory.ID).to(EwcStrategyFactory.class);
        strategies.addBinding(OnlineEwcStrategyFactory.ID).to(OnlineEwcStrategyFactory.class);
        strategies.addBinding(SiStrategyFactory.ID).to(SiStrategyFactory.class);
        strategies.addBinding(MasStrategyFactory.ID).to(MasStrategyFactory.class);
        strategies.addBinding(L2StrategyFactory.ID).to(L2StrategyFactory.class);
        strategies.addBinding(GemStrategyFactory.ID).to(GemStrategyFactory.class);
        strategies.addBinding(AGemStrategyFactory.ID).to(AGemStrategyFactory.class);
    }
}
