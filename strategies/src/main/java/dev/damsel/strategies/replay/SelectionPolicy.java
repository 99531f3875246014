package dev.damsel.strategies.replay;

import dev.damsel.api.ConfigException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Which earlier items a rehearsal buffer keeps. */
public enum SelectionPolicy {
    /** Reservoir sampling (Vitter 1985): after n items seen, each is in the buffer with probability size/n. */
    RESERVOIR("reservoir"),
    /** The same number of items of every task seen so far, ⌊size/tasks⌋ each, drawn at random within a task. */
    PER_TASK_BALANCED("per-task-balanced");

    private final String id;

    SelectionPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SelectionPolicy of(String field, String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                .orElseThrow(() -> new ConfigException(field, "must be one of "
                        + Arrays.stream(values()).map(SelectionPolicy::id).collect(Collectors.joining(", "))
                        + " (got " + (id == null ? "nothing" : "'" + id + "'") + ")"));
    }
}
