package dev.damsel.runner.thirdparty;

import com.google.inject.AbstractModule;
import dev.damsel.api.Require;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Strategy;
import dev.damsel.api.TaskContext;
import dev.damsel.api.plugin.StrategyFactory;
import dev.damsel.core.plugin.PluginBinders;

import java.util.SplittableRandom;

/**
 * A strategy from outside the project, as a third-party jar would ship it: a Guice module listed in
 * {@code META-INF/services/com.google.inject.Module} (here in the test resources) binding its factory under its id.
 * It repeats the current task's items {@code copies} times per epoch.
 */
public final class ThirdPartyStrategyModule extends AbstractModule {
    public static final String ID = "third-party-repeat";

    /** A strategy that fails when its first task starts, to test what a failed run leaves behind. */
    public static final String FAILING_ID = "third-party-failing";

    @Override
    protected void configure() {
        PluginBinders.strategies(binder()).addBinding(ID).to(RepeatFactory.class);
        PluginBinders.strategies(binder()).addBinding(FAILING_ID).to(FailingFactory.class);
    }

    /** The failing strategy has no knobs. */
    public record FailingConfig() {
    }

    public static final class FailingFactory implements StrategyFactory<FailingConfig> {
        @Override
        public String id() {
            return FAILING_ID;
        }

        @Override
        public Class<FailingConfig> configType() {
            return FailingConfig.class;
        }

        @Override
        public FailingConfig defaults() {
            return new FailingConfig();
        }

        @Override
        public Strategy create(FailingConfig config, SplittableRandom random) {
            return new Strategy() {
                @Override
                public void beforeTask(TaskContext context) {
                    throw new IllegalStateException("this strategy always fails");
                }
            };
        }
    }

    /** @param copies how many times each epoch repeats the items, ≥ 1; default 2 */
    public record RepeatConfig(int copies) {
        public RepeatConfig {
            Require.atLeast("copies", copies, 1);
        }
    }

    public static final class RepeatFactory implements StrategyFactory<RepeatConfig> {
        @Override
        public String id() {
            return ID;
        }

        @Override
        public Class<RepeatConfig> configType() {
            return RepeatConfig.class;
        }

        @Override
        public RepeatConfig defaults() {
            return new RepeatConfig(2);
        }

        @Override
        public Strategy create(RepeatConfig config, SplittableRandom random) {
            return new Strategy() {
                @Override
                public StateBatch epochItems(TaskContext context, int epoch, StateBatch taskItems) {
                    StateBatch out = taskItems;
                    for (int c = 1; c < config.copies(); c++) {
                        out = out.concat(taskItems);
                    }
                    return out;
                }
            };
        }
    }
}
