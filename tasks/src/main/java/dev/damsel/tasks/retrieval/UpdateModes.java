package dev.damsel.tasks.retrieval;

import dev.damsel.api.ConfigException;
import dev.damsel.api.UpdateMode;

/** The config spelling of {@link UpdateMode}s: {@code synchronous}, {@code asynchronous}. */
public final class UpdateModes {
    private UpdateModes() {
    }

    /** The mode a config value names; a {@link ConfigException} on {@code field} for anything else. */
    public static UpdateMode parse(String field, String value) {
        if ("synchronous".equals(value)) {
            return UpdateMode.SYNCHRONOUS;
        }
        if ("asynchronous".equals(value)) {
            return UpdateMode.ASYNCHRONOUS;
        }
        throw new ConfigException(field, "must be one of synchronous, asynchronous (got "
                + (value == null ? "nothing" : "\"" + value + "\"") + ")");
    }
}
