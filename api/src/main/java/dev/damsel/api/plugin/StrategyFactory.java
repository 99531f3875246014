package dev.damsel.api.plugin;

import dev.damsel.api.Strategy;

import java.util.SplittableRandom;

/** Makes a continual-learning strategy (config section {@code strategy:}). */
public interface StrategyFactory<C extends Record> extends ComponentFactory<C> {

    Strategy create(C config, SplittableRandom random);
}
