package dev.damsel.core.interaction;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.Require;

/**
 * The leaky rectified polynomial {@code F(x) = xⁿ} for {@code x > 0}, else {@code 0.01·x}: the rectified polynomial of
 * Krotov &amp; Hopfield 2016 (section 2) with a small negative slope so that units with negative overlaps still receive
 * gradient, as in McAlister et al. 2024.
 *
 * @param degree n, the interaction vertex, in [1, 60]
 */
public record LeakyRectifiedPolynomialInteraction(int degree) implements InteractionFunction {
    public static final String ID = "leaky-rectified-polynomial";
    /** The slope for {@code x <= 0}. */
    public static final double LEAK = 0.01;

    public LeakyRectifiedPolynomialInteraction {
        Require.inRange("degree", degree, 1, PolynomialConfig.MAX_DEGREE);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double value(double x) {
        return x > 0 ? IntegerPowers.pow(x, degree) : LEAK * x;
    }

    /** {@code F'(x) = n xⁿ⁻¹} for {@code x > 0}, else 0.01. */
    @Override
    public double derivative(double x) {
        return x > 0 ? degree * IntegerPowers.pow(x, degree - 1) : LEAK;
    }
}
