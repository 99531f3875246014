package dev.damsel.api;

/**
 * The interaction function F of a dense associative memory, applied to a normalised overlap (β/N)·ξ·x
 * (Krotov &amp; Hopfield 2016; Demircigil et al. 2017 for the exponential). Values are in double because xⁿ for large n
 * leaves the float range.
 */
public interface InteractionFunction {

    /** The config id, e.g. {@code "rectified-polynomial"}. */
    String id();

    double value(double x);

    /** F'(x). */
    double derivative(double x);

    /**
     * The degree n when F is a (possibly rectified) polynomial, so kernels may use exact algebraic reformulations;
     * 0 otherwise.
     */
    default int degree() {
        return 0;
    }
}
