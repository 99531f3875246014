package dev.damsel.strategies.projection;

import dev.damsel.api.Strategy;
import dev.damsel.strategies.AbstractStrategyFactory;

import java.util.SplittableRandom;

/** Config id {@code a-gem}: {@link AGemStrategy}. */
public final class AGemStrategyFactory extends AbstractStrategyFactory<AGemConfig> {
    public static final String ID = "a-gem";

    public AGemStrategyFactory() {
        super(ID, AGemConfig.class, AGemConfig.DEFAULTS);
    }

    @Override
    public Strategy create(AGemConfig config, SplittableRandom random) {
        return new AGemStrategy(config, random);
    }
}
