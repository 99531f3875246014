package dev.damsel.strategies.regularisation;

import dev.damsel.api.Require;

/**
 * Knobs of {@code si}.
 *
 * @param c       the strength c in the penalty {@code c Σ_j Ω_j (θ_j − θ*_j)²}, ≥ 0; default 1
 * @param epsilon ε (Zenke et al.'s ξ) in {@code Ω_j += ω_j / (Δθ_j² + ε)}, &gt; 0; default 0.1
 */
public record SiConfig(double c, double epsilon) {
    public static final SiConfig DEFAULTS = new SiConfig(1.0, 0.1);

    public SiConfig {
        Require.nonNegative("c", c);
        Require.positive("epsilon", epsilon);
    }
}
