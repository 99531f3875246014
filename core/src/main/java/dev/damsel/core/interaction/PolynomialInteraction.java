package dev.damsel.core.interaction;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.Require;

/**
 * The polynomial interaction {@code F(x) = xⁿ} of the dense associative memory (Krotov &amp; Hopfield
 * 2016, the polynomial energy functions of section 2); n = 2 gives the classical Hopfield network.
 *
 * @param degree n, the interaction vertex, in [1, 60]
 */
public record PolynomialInteraction(int degree) implements InteractionFunction {
    public static final String ID = "polynomial";

    public PolynomialInteraction {
        Require.inRange("degree", degree, 1, PolynomialConfig.MAX_DEGREE);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double value(double x) {
        return IntegerPowers.pow(x, degree);
    }

    /** {@code F'(x) = n xⁿ⁻¹}. */
    @Override
    public double derivative(double x) {
        return degree * IntegerPowers.pow(x, degree - 1);
    }
}
