package dev.damsel.strategies.regularisation;

import dev.damsel.api.Require;

/**
 * Knobs of {@code mas}.
 *
 * @param lambda λ in the penalty {@code λ Σ_j Ω_j (θ_j − θ*_j)²}, ≥ 0; default 1
 */
public record MasConfig(double lambda) {
    public static final MasConfig DEFAULTS = new MasConfig(1.0);

    public MasConfig {
        Require.nonNegative("lambda", lambda);
    }
}
