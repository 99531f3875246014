package dev.damsel.strategies.projection;

import dev.damsel.api.Strategy;
import dev.damsel.strategies.AbstractStrategyFactory;

import java.util.SplittableRandom;

/** Config id {@code gem}: {@link GemStrategy}. */
public final class GemStrategyFactory extends AbstractStrategyFactory<GemConfig> {
    public static final String ID = "gem";

    public GemStrategyFactory() {
        super(ID, GemConfig.class, GemConfig.DEFAULTS);
    }

    @Override
    public Strategy create(GemConfig config, SplittableRandom random) {
        return new GemStrategy(config, random);
    }
}
