package dev.damsel.strategies.replay;

import dev.damsel.api.Strategy;
import dev.damsel.strategies.AbstractStrategyFactory;

import java.util.SplittableRandom;

/** Config id {@code pseudo-rehearsal}: {@link PseudoRehearsalStrategy}. */
public final class PseudoRehearsalStrategyFactory extends AbstractStrategyFactory<PseudoRehearsalConfig> {
    public static final String ID = "pseudo-rehearsal";

    public PseudoRehearsalStrategyFactory() {
        super(ID, PseudoRehearsalConfig.class, PseudoRehearsalConfig.DEFAULTS);
    }

    @Override
    public Strategy create(PseudoRehearsalConfig config, SplittableRandom random) {
        return new PseudoRehearsalStrategy(config, random);
    }
}
