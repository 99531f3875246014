package dev.damsel.core.interaction;

/** Configuration of the {@code exponential} interaction: it has no parameters (β comes from the memory). */
public record ExponentialConfig() {
    public static final ExponentialConfig DEFAULTS = new ExponentialConfig();
}
