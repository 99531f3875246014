package dev.damsel.tasks;

import com.google.inject.AbstractModule;
import dev.damsel.core.plugin.PluginBinders;
import dev.damsel.tasks.random.RandomTaskSuiteFactory;

/**
 * Binds this module's task suites under their config ids: {@code random} ({@link RandomTaskSuiteFactory}). Found by
 * {@code ServiceLoader} through {@code META-INF/services/com.google.inject.Module}.
 */
public final class TasksModule extends AbstractModule {

    @Override
    protected void configure() {
        PluginBinders.taskSuites(binder()).addBinding(RandomTaskSuiteFactory.ID).to(RandomTaskSuiteFactory.class);
    }
}
