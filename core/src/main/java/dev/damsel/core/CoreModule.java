package dev.damsel.core;

import com.google.inject.AbstractModule;
import dev.damsel.core.interaction.ExponentialInteractionFactory;
import dev.damsel.core.interaction.PolynomialInteractionFactory;
import dev.damsel.core.memory.DenseBipolarMemoryFactory;
import dev.damsel.core.plugin.PluginBinders;

/**
 * Binds the plugins of {@code core} under their config ids: the interactions {@code polynomial},
 * {@code rectified-polynomial}, {@code leaky-rectified-polynomial}, {@code exponential} and the memory
 * {@code dense-bipolar}. Found through {@code META-INF/services/com.google.inject.Module}. Only bindings.
 */
public final class CoreModule extends AbstractModule {

    @Override
    protected void configure() {
        var interactions = PluginBinders.interactions(binder());
        interactions.addBinding(PolynomialInteractionFactory.POLYNOMIAL.id())
                .toInstance(PolynomialInteractionFactory.POLYNOMIAL);
        interactions.addBinding(PolynomialInteractionFactory.RECTIFIED.id())
                .toInstance(PolynomialInteractionFactory.RECTIFIED);
        interactions.addBinding(PolynomialInteractionFactory.LEAKY_RECTIFIED.id())
                .toInstance(PolynomialInteractionFactory.LEAKY_RECTIFIED);
        interactions.addBinding(ExponentialInteractionFactory.ID).toInstance(new ExponentialInteractionFactory());
        PluginBinders.memories(binder()).addBinding(DenseBipolarMemoryFactory.ID)
                .toInstance(new DenseBipolarMemoryFactory());
    }
}
