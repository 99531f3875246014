package dev.damsel.core.interaction;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.plugin.InteractionFactory;

import java.util.function.IntFunction;

/**
 * Makes one of the three polynomial interactions from a {@link PolynomialConfig}. One instance per config id:
 * {@link #POLYNOMIAL}, {@link #RECTIFIED}, {@link #LEAKY_RECTIFIED}.
 */
public final class PolynomialInteractionFactory implements InteractionFactory<PolynomialConfig> {
    /** {@code polynomial}: {@link PolynomialInteraction}. */
    public static final PolynomialInteractionFactory POLYNOMIAL =
            new PolynomialInteractionFactory(PolynomialInteraction.ID, PolynomialInteraction::new);
    /** {@code rectified-polynomial}: {@link RectifiedPolynomialInteraction}. */
    public static final PolynomialInteractionFactory RECTIFIED =
            new PolynomialInteractionFactory(RectifiedPolynomialInteraction.ID, RectifiedPolynomialInteraction::new);
    /** {@code leaky-rectified-polynomial}: {@link LeakyRectifiedPolynomialInteraction}. */
    public static final PolynomialInteractionFactory LEAKY_RECTIFIED =
            new PolynomialInteractionFactory(LeakyRectifiedPolynomialInteraction.ID,
                    LeakyRectifiedPolynomialInteraction::new);

    private final String id;
    private final IntFunction<InteractionFunction> maker;

    private PolynomialInteractionFactory(String id, IntFunction<InteractionFunction> maker) {
        this.id = id;
        this.maker = maker;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Class<PolynomialConfig> configType() {
        return PolynomialConfig.class;
    }

    @Override
    public PolynomialConfig defaults() {
        return PolynomialConfig.DEFAULTS;
    }

    @Override
    public InteractionFunction create(PolynomialConfig config) {
        return maker.apply(config.degree());
    }

    @Override
    public String toString() {
        return "PolynomialInteractionFactory[" + id + "]";
    }
}
