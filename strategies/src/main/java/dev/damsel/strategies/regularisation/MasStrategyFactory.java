package dev.damsel.strategies.regularisation;

import dev.damsel.api.Strategy;
import dev.damsel.strategies.AbstractStrategyFactory;

import java.util.SplittableRandom;

/** Config id {@code mas}: {@link MasStrategy} (deterministic: it draws no random numbers). */
public final class MasStrategyFactory extends AbstractStrategyFactory<MasConfig> {
    public static final String ID = "mas";

    public MasStrategyFactory() {
        super(ID, MasConfig.class, MasConfig.DEFAULTS);
    }

    @Override
    public Strategy create(MasConfig config, SplittableRandom random) {
        return new MasStrategy(config);
    }
}
