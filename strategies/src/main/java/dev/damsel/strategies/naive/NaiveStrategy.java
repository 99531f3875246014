package dev.damsel.strategies.naive;

import dev.damsel.api.Strategy;

/**
 * Trains each task in turn with nothing against forgetting: the lower reference of every continual-learning
 * comparison ("fine-tuning"; McAlister et al. 2024 call it the baseline). Every hook keeps its no-op default.
 */
public final class NaiveStrategy implements Strategy {
}
