package dev.damsel.core.vector;

/**
 * A (possibly rectified or leaky) polynomial interaction F in the form the kernels evaluate: {@code xⁿ}
 * ({@link Kind#PLAIN}), {@code xⁿ} for x &gt; 0 else 0 ({@link Kind#RECTIFIED}), or {@code xⁿ} for x &gt; 0 else
 * {@code 0.01·x} ({@link Kind#LEAKY}). Powers are taken by repeated multiplication, never {@code Math.pow}.
 *
 * @param kind   the branch for x ≤ 0
 * @param degree n ≥ 1
 */
public record PolynomialShape(Kind kind, int degree) {
    /** The slope of {@link Kind#LEAKY} for x ≤ 0. */
    public static final double LEAK = 0.01;

    public enum Kind { PLAIN, RECTIFIED, LEAKY }

    public PolynomialShape {
        if (kind == null || degree < 1) {
            throw new IllegalArgumentException("a polynomial shape needs a kind and degree >= 1, got " + kind + ", "
                    + degree);
        }
    }

    public double value(double x) {
        return switch (kind) {
            case PLAIN -> pow(x, degree);
            case RECTIFIED -> x > 0 ? pow(x, degree) : 0.0;
            case LEAKY -> x > 0 ? pow(x, degree) : LEAK * x;
        };
    }

    public double derivative(double x) {
        return switch (kind) {
            case PLAIN -> degree * pow(x, degree - 1);
            case RECTIFIED -> x > 0 ? degree * pow(x, degree - 1) : 0.0;
            case LEAKY -> x > 0 ? degree * pow(x, degree - 1) : LEAK;
        };
    }

    /** {@code F(a)^{·}} homogeneous of degree n: F(λa) = λⁿF(a) for λ &gt; 0 (plain and rectified, not leaky). */
    public boolean homogeneous() {
        return kind != Kind.LEAKY;
    }

    /** xⁿ by n − 1 repeated multiplications (1·x first), the order the vector kernels use. */
    static double pow(double x, int n) {
        double result = 1.0;
        for (int e = 0; e < n; e++) {
            result *= x;
        }
        return result;
    }
}
