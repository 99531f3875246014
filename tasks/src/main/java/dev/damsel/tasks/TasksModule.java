package dev.damsel.tasks;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.damsel.api.plugin.TaskSuiteFactory;
import dev.damsel.core.plugin.PluginBinders;
import dev.damsel.tasks.correlated.CorrelatedTaskSuiteFactory;
import dev.damsel.tasks.mnist.PermutedMnistFactory;
import dev.damsel.tasks.mnist.SplitMnistFactory;
import dev.damsel.tasks.prototype.PrototypeTaskSuiteFactory;
import dev.damsel.tasks.random.RandomTaskSuiteFactory;

/**
 * Binds this module's task suites under their config ids: {@code random} ({@link RandomTaskSuiteFactory}),
 * {@code correlated}, {@code prototype}, {@code permuted-mnist} and {@code split-mnist}. Found by
 * {@code ServiceLoader} through {@code META-INF/services/com.google.inject.Module}.
 */
public final class TasksModule extends AbstractModule {

    @Override
    protected void configure() {
        MapBinder<String, TaskSuiteFactory<?>> suites = PluginBinders.taskSuites(binder());
        suites.addBinding(RandomTaskSuiteFactory.ID).to(RandomTaskSuiteFactory.class);
        suites.addBinding(CorrelatedTaskSuiteFactory.ID).to(CorrelatedTaskSuiteFactory.class);
        suites.addBinding(PrototypeTaskSuiteFactory.ID).to(PrototypeTaskSuiteFactory.class);
        suites.addBinding(PermutedMnistFactory.ID).to(PermutedMnistFactory.class);
        suites.addBinding(SplitMnistFactory.ID).to(SplitMnistFactory.class);
    }
}
