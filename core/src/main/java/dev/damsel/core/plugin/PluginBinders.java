package dev.damsel.core.plugin;

import com.google.inject.Binder;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import dev.damsel.api.plugin.InteractionFactory;
import dev.damsel.api.plugin.MemoryFactory;
import dev.damsel.api.plugin.StrategyFactory;
import dev.damsel.api.plugin.TaskSuiteFactory;

/**
 * The Guice map binders that plugins add themselves to, keyed by config id. Every module that contributes a plugin,
 * in this project or in a third-party jar, uses these so that all contributions land in the same maps:
 * <pre>{@code
 * PluginBinders.strategies(binder()).addBinding("naive").to(NaiveStrategyFactory.class);
 * }</pre>
 * A module is found at start-up through {@code META-INF/services/com.google.inject.Module}.
 */
public final class PluginBinders {
    private static final TypeLiteral<String> KEY = new TypeLiteral<>() {
    };

    private PluginBinders() {
    }

    public static MapBinder<String, MemoryFactory<?>> memories(Binder binder) {
        return MapBinder.newMapBinder(binder, KEY, new TypeLiteral<MemoryFactory<?>>() {
        });
    }

    public static MapBinder<String, InteractionFactory<?>> interactions(Binder binder) {
        return MapBinder.newMapBinder(binder, KEY, new TypeLiteral<InteractionFactory<?>>() {
        });
    }

    public static MapBinder<String, TaskSuiteFactory<?>> taskSuites(Binder binder) {
        return MapBinder.newMapBinder(binder, KEY, new TypeLiteral<TaskSuiteFactory<?>>() {
        });
    }

    public static MapBinder<String, StrategyFactory<?>> strategies(Binder binder) {
        return MapBinder.newMapBinder(binder, KEY, new TypeLiteral<StrategyFactory<?>>() {
        });
    }
}
