package dev.damsel.strategies.naive;

import dev.damsel.api.Strategy;
import dev.damsel.api.plugin.StrategyFactory;

import java.util.SplittableRandom;

/** Config id {@code naive}: {@link NaiveStrategy}. */
public final class NaiveStrategyFactory implements StrategyFactory<NaiveConfig> {
    public static final String ID = "naive";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<NaiveConfig> configType() {
        return NaiveConfig.class;
    }

    @Override
    public NaiveConfig defaults() {
        return new NaiveConfig();
    }

    @Override
    public Strategy create(NaiveConfig config, SplittableRandom random) {
        return new NaiveStrategy();
    }
}
