package dev.damsel.api.plugin;

import dev.damsel.api.InteractionFunction;

/** Makes an interaction function F (config section {@code interaction:}). */
public interface InteractionFactory<C extends Record> extends ComponentFactory<C> {

    InteractionFunction create(C config);
}
