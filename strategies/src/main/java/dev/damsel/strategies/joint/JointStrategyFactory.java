package dev.damsel.strategies.joint;

import dev.damsel.api.Strategy;
import dev.damsel.strategies.AbstractStrategyFactory;

import java.util.SplittableRandom;

/** Config id {@code joint}: {@link JointStrategy}. */
public final class JointStrategyFactory extends AbstractStrategyFactory<JointConfig> {
    public static final String ID = "joint";

    public JointStrategyFactory() {
        super(ID, JointConfig.class, new JointConfig());
    }

    @Override
    public Strategy create(JointConfig config, SplittableRandom random) {
        return new JointStrategy();
    }
}
