package dev.damsel.tasks.data;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where datasets live: the folder named by the environment variable {@code DAMSEL_DATA}, or else
 * {@code ~/.cache/damsel}; each dataset in a sub-folder named after it ({@code mnist/}). The {@code damsel data fetch}
 * command, the MNIST suites' default and the MNIST tests all find the cache this way.
 */
public final class DataPaths {
    /** The environment variable that overrides the cache root. */
    public static final String ENV = "DAMSEL_DATA";

    private DataPaths() {
    }

    /** The cache root of this process's environment. */
    public static Path cacheRoot() {
        return cacheRoot(System.getenv(), System.getProperty("user.home"));
    }

    /** The cache root for a given environment and home folder: {@code $DAMSEL_DATA}, else {@code home/.cache/damsel}. */
    public static Path cacheRoot(Map<String, String> env, String home) {
        String configured = env.get(ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(home, ".cache", "damsel");
    }

    /** The default MNIST folder, {@code <cache root>/mnist}. */
    public static Path mnist() {
        return cacheRoot().resolve("mnist");
    }
}
