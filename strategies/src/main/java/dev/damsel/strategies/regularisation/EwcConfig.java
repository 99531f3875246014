package dev.damsel.strategies.regularisation;

import dev.damsel.api.Require;

/**
 * Knobs of {@code ewc}.
 *
 * @param lambda      λ in the penalty {@code (λ/2) Σ_k Σ_j F_kj (θ_j − θ*_kj)²}, ≥ 0; default 1
 * @param fisherItems items of each task the Fisher is averaged over, ≥ 0; 0 (the default) means all of them
 */
public record EwcConfig(double lambda, int fisherItems) {
    public static final EwcConfig DEFAULTS = new EwcConfig(1.0, 0);

    public EwcConfig {
        Require.nonNegative("lambda", lambda);
        Require.atLeast("fisherItems", fisherItems, 0);
    }
}
