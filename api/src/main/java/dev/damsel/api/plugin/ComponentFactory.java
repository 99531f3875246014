package dev.damsel.api.plugin;

/**
 * Makes a component from its configuration record. Factories are bound in Guice {@code MapBinder}s under
 * {@link #id()}, the lower-kebab id a config file names in its {@code type:} key.
 *
 * <p>A config section is read by overlaying the file's keys on {@link #defaults()}: every default lives in that one
 * record, and the record's compact constructor checks every field.
 *
 * @param <C> the configuration record
 */
public interface ComponentFactory<C extends Record> {

    String id();

    Class<C> configType();

    /** The configuration used for every key a config file leaves out. */
    C defaults();
}
