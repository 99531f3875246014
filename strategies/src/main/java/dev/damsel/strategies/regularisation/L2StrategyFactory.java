package dev.damsel.strategies.regularisation;

import dev.damsel.api.Strategy;
import dev.damsel.strategies.AbstractStrategyFactory;

import java.util.SplittableRandom;

/** Config id {@code l2}: {@link L2Strategy} (deterministic: it draws no random numbers). */
public final class L2StrategyFactory extends AbstractStrategyFactory<L2Config> {
    public static final String ID = "l2";

    public L2StrategyFactory() {
        super(ID, L2Config.class, L2Config.DEFAULTS);
    }

    @Override
    public Strategy create(L2Config config, SplittableRandom random) {
        return new L2Strategy(config);
    }
}
