package dev.damsel.runner.config;

import dev.damsel.api.plugin.ComponentFactory;

/**
 * A component chosen by a config section: the factory bound under the section's {@code type} and the validated
 * config record it will be made from.
 */
public record Component<F extends ComponentFactory<?>>(String id, F factory, Record config) {

    /** The config, typed for the factory. */
    @SuppressWarnings("unchecked")
    public <C extends Record> C typedConfig() {
        return (C) factory.configType().cast(config);
    }
}
