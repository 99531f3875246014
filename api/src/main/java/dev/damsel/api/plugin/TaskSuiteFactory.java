package dev.damsel.api.plugin;

import dev.damsel.api.TaskSequence;

import java.util.SplittableRandom;

/** Makes a task sequence (config section {@code tasks:}). */
public interface TaskSuiteFactory<C extends Record> extends ComponentFactory<C> {

    TaskSequence create(C config, SplittableRandom random);
}
