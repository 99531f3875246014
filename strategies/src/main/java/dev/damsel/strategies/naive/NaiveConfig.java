package dev.damsel.strategies.naive;

/** The naive strategy has no knobs. */
public record NaiveConfig() {
}
