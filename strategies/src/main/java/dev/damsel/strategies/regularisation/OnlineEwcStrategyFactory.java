package dev.damsel.strategies.regularisation;

import dev.damsel.api.Strategy;
import dev.damsel.strategies.AbstractStrategyFactory;

import java.util.SplittableRandom;

/** Config id {@code online-ewc}: {@link OnlineEwcStrategy}. */
public final class OnlineEwcStrategyFactory extends AbstractStrategyFactory<OnlineEwcConfig> {
    public static final String ID = "online-ewc";

    public OnlineEwcStrategyFactory() {
        super(ID, OnlineEwcConfig.class, OnlineEwcConfig.DEFAULTS);
    }

    @Override
    public Strategy create(OnlineEwcConfig config, SplittableRandom random) {
        return new OnlineEwcStrategy(config, random);
    }
}
