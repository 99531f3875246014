package dev.damsel.strategies.regularisation;

import dev.damsel.api.Require;

/**
 * Knobs of {@code l2}.
 *
 * @param lambda λ in the penalty {@code λ Σ_j (θ_j − θ*_j)²}, ≥ 0; default 1
 */
public record L2Config(double lambda) {
    public static final L2Config DEFAULTS = new L2Config(1.0);

    public L2Config {
        Require.nonNegative("lambda", lambda);
    }
}
