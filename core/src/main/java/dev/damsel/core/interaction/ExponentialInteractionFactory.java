package dev.damsel.core.interaction;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.plugin.InteractionFactory;

/** Makes the {@code exponential} interaction (Demircigil et al. 2017). */
public final class ExponentialInteractionFactory implements InteractionFactory<ExponentialConfig> {
    public static final String ID = ExponentialInteraction.ID;

    @Override
    public String id() {
        return ExponentialInteraction.ID;
    }

    @Override
    public Class<ExponentialConfig> configType() {
        return ExponentialConfig.class;
    }

    @Override
    public ExponentialConfig defaults() {
        return ExponentialConfig.DEFAULTS;
    }

    @Override
    public InteractionFunction create(ExponentialConfig config) {
        return new ExponentialInteraction();
    }
}
