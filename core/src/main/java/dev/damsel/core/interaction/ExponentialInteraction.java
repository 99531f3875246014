package dev.damsel.core.interaction;

import dev.damsel.api.InteractionFunction;

/**
 * The exponential interaction {@code F(x) = exp(x)} of Demircigil et al. 2017 ("On a model of associative memory
 * with huge storage capacity"), whose capacity grows exponentially in N. {@link #degree()} is 0: not a polynomial.
 */
public record ExponentialInteraction() implements InteractionFunction {
    public static final String ID = "exponential";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double value(double x) {
        return Math.exp(x);
    }

    @Override
    public double derivative(double x) {
        return Math.exp(x);
    }
}
