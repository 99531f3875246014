package dev.damsel.api;

/** Checks for configuration records' compact constructors: each failure is a {@link ConfigException} naming the field. */
public final class Require {
    private Require() {
    }

    public static void atLeast(String field, long value, long min) {
        if (value < min) {
            throw new ConfigException(field, "must be >= " + min + " (got " + value + ")");
        }
    }

    public static void inRange(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigException(field, "must be in [" + min + ", " + max + "] (got " + value + ")");
        }
    }

    public static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ConfigException(field, "must be a finite number > 0 (got " + value + ")");
        }
    }

    public static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ConfigException(field, "must be a finite number >= 0 (got " + value + ")");
        }
    }

    /** {@code min <= value <= max}. */
    public static void closed(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new ConfigException(field, "must be in [" + min + ", " + max + "] (got " + value + ")");
        }
    }

    /** {@code min <= value < max}. */
    public static void halfOpen(String field, double value, double min, double max) {
        if (!(value >= min && value < max)) {
            throw new ConfigException(field, "must be in [" + min + ", " + max + ") (got " + value + ")");
        }
    }

    public static void finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new ConfigException(field, "must be a finite number (got " + value + ")");
        }
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new ConfigException(field, "is required");
        }
        return value;
    }
}
