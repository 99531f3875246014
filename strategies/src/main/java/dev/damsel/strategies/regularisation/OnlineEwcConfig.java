package dev.damsel.strategies.regularisation;

import dev.damsel.api.Require;

/**
 * Knobs of {@code online-ewc}.
 *
 * @param lambda      λ in the penalty {@code (λ/2) Σ_j F_j (θ_j − θ*_j)²}, ≥ 0; default 1
 * @param gamma       γ, the decay of the running Fisher {@code F ← γF + F_k}, in [0, 1]; default 1 (no decay)
 * @param fisherItems items of each task the Fisher is averaged over, ≥ 0; 0 (the default) means all of them
 */
public record OnlineEwcConfig(double lambda, double gamma, int fisherItems) {
    public static final OnlineEwcConfig DEFAULTS = new OnlineEwcConfig(1.0, 1.0, 0);

    public OnlineEwcConfig {
        Require.nonNegative("lambda", lambda);
        Require.closed("gamma", gamma, 0, 1);
        Require.atLeast("fisherItems", fisherItems, 0);
    }
}
