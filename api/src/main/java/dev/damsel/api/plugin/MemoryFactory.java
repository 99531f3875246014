package dev.damsel.api.plugin;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.TrainableMemory;

import java.util.SplittableRandom;

/** Makes a memory of a given dimension (config section {@code memory:}). */
public interface MemoryFactory<C extends Record> extends ComponentFactory<C> {

    TrainableMemory create(C config, InteractionFunction interaction, int dimension, SplittableRandom random);
}
