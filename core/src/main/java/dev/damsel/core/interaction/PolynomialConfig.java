package dev.damsel.core.interaction;

import dev.damsel.api.Require;

/**
 * Configuration of the three polynomial interactions ({@code polynomial}, {@code rectified-polynomial},
 * {@code leaky-rectified-polynomial}).
 *
 * @param degree n, the interaction vertex, in [1, 60]; default 3
 */
public record PolynomialConfig(int degree) {
    /** The largest degree accepted: beyond it xⁿ of normalised overlaps underflows to uselessness in double. */
    public static final int MAX_DEGREE = 60;
    public static final PolynomialConfig DEFAULTS = new PolynomialConfig(3);

    public PolynomialConfig {
        Require.atLeast("degree", degree, 1);
        Require.inRange("degree", degree, 1, MAX_DEGREE);
    }
}
