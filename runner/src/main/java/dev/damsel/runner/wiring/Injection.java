package dev.damsel.runner.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.damsel.core.plugin.PluginBinders;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Builds the injector from every Guice module on the class path ({@code META-INF/services/com.google.inject.Module}):
 * this project's modules and any third-party jar's, so a plugin is added by putting its jar on the class path.
 */
public final class Injection {
    private Injection() {
    }

    public static Injector create(Module... extra) {
        List<Module> modules = new ArrayList<>();
        ServiceLoader.load(Module.class).forEach(modules::add);
        modules.add(binder -> {
            // Declare the maps even when no module contributes to one, so lookups report "unknown id" rather than fail.
            PluginBinders.taskSuites(binder);
            PluginBinders.memories(binder);
            PluginBinders.interactions(binder);
            PluginBinders.strategies(binder);
        });
        modules.addAll(List.of(extra));
        return Guice.createInjector(modules);
    }

    public static PluginRegistry registry(Module... extra) {
        return create(extra).getInstance(PluginRegistry.class);
    }
}
