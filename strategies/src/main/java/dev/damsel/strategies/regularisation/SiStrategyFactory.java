package dev.damsel.strategies.regularisation;

import dev.damsel.api.Strategy;
import dev.damsel.strategies.AbstractStrategyFactory;

import java.util.SplittableRandom;

/** Config id {@code si}: {@link SiStrategy} (deterministic: it draws no random numbers). */
public final class SiStrategyFactory extends AbstractStrategyFactory<SiConfig> {
    public static final String ID = "si";

    public SiStrategyFactory() {
        super(ID, SiConfig.class, SiConfig.DEFAULTS);
    }

    @Override
    public Strategy create(SiConfig config, SplittableRandom random) {
        return new SiStrategy(config);
    }
}
