package dev.damsel.strategies.replay;

import dev.damsel.api.Strategy;
import dev.damsel.strategies.AbstractStrategyFactory;

import java.util.SplittableRandom;

/** Config id {@code rehearsal}: {@link RehearsalStrategy}. */
public final class RehearsalStrategyFactory extends AbstractStrategyFactory<RehearsalConfig> {
    public static final String ID = "rehearsal";

    public RehearsalStrategyFactory() {
        super(ID, RehearsalConfig.class, RehearsalConfig.DEFAULTS);
    }

    @Override
    public Strategy create(RehearsalConfig config, SplittableRandom random) {
        return new RehearsalStrategy(config, random);
    }
}
