package dev.damsel.core.interaction;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.Require;

/**
 * The rectified polynomial {@code F(x) = xⁿ} for {@code x > 0}, else 0 (Krotov &amp; Hopfield 2016, section 2, the
 * "rectified polynomial" energy function used in their experiments).
 *
 * @param degree n, the interaction vertex, in [1, 60]
 */
public record RectifiedPolynomialInteraction(int degree) implements InteractionFunction {
    public static final String ID = "rectified-polynomial";

    public RectifiedPolynomialInteraction {
        Require.inRange("degree", degree, 1, PolynomialConfig.MAX_DEGREE);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double value(double x) {
        return x > 0 ? IntegerPowers.pow(x, degree) : 0.0;
    }

    /** {@code F'(x) = n xⁿ⁻¹} for {@code x > 0}, else 0. */
    @Override
    public double derivative(double x) {
        return x > 0 ? degree * IntegerPowers.pow(x, degree - 1) : 0.0;
    }
}
