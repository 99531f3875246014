package dev.damsel.api;

/**
 * A configuration value outside its allowed range. The message names the field and the allowed range, so that a
 * front end can print it as one line; {@link #field()} lets an outer loader prefix the path of the section.
 */
public class ConfigException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public ConfigException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** The message without the field name, e.g. {@code "must be >= 1 (got 0)"}. */
    public String problem() {
        return problem;
    }

    /** The same problem reported under a parent path, e.g. {@code tasks.dimension}. */
    public ConfigException under(String parent) {
        return new ConfigException(parent + "." + field, problem);
    }
}
