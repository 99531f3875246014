package dev.damsel.strategies.regularisation;

import dev.damsel.api.Strategy;
import dev.damsel.strategies.AbstractStrategyFactory;

import java.util.SplittableRandom;

/** Config id {@code ewc}: {@link EwcStrategy}. */
public final class EwcStrategyFactory extends AbstractStrategyFactory<EwcConfig> {
    public static final String ID = "ewc";

    public EwcStrategyFactory() {
        super(ID, EwcConfig.class, EwcConfig.DEFAULTS);
    }

    @Override
    public Strategy create(EwcConfig config, SplittableRandom random) {
        return new EwcStrategy(config, random);
    }
}
