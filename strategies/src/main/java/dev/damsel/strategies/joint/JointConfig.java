package dev.damsel.strategies.joint;

/** The joint strategy has no knobs. */
public record JointConfig() {
}
