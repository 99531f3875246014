package dev.damsel.strategies.regularisation;

/**
 * A quadratic pull of θ towards an anchor θ*, one weight per parameter: {@code P(θ) = Σ_j w_j (θ_j − θ*_j)²},
 * {@code ∂P/∂θ_j = 2 w_j (θ_j − θ*_j)}. EWC (w = λF/2), SI (w = cΩ), MAS (w = λΩ) and L2 (w = λ) are this penalty
 * with different weights. Immutable: the arrays are copied.
 */
public final class QuadraticPenalty {
    private final double[] weights;
    private final float[] anchor;

    public QuadraticPenalty(double[] weights, float[] anchor) {
        if (weights.length != anchor.length) {
            throw new IllegalArgumentException(weights.length + " weights for an anchor of " + anchor.length);
        }
        this.weights = weights.clone();
        this.anchor = anchor.clone();
    }

    /** The same weight λ for every parameter. */
    public static QuadraticPenalty uniform(double lambda, float[] anchor) {
        double[] w = new double[anchor.length];
        java.util.Arrays.fill(w, lambda);
        return new QuadraticPenalty(w, anchor);
    }

    /** Weights {@code factor·importance_j} (EWC: λ/2 and the Fisher diagonal; SI: c and Ω; MAS: λ and Ω). */
    public static QuadraticPenalty scaled(double factor, double[] importance, float[] anchor) {
        double[] w = new double[importance.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = factor * importance[j];
        }
        return new QuadraticPenalty(w, anchor);
    }

    /** P(θ). */
    public double value(float[] theta) {
        double sum = 0;
        for (int j = 0; j < theta.length; j++) {
            double d = (double) theta[j] - anchor[j];
            sum += weights[j] * d * d;
        }
        return sum;
    }

    /** Adds ∂P/∂θ at θ to {@code gradient}. */
    public void addGradient(float[] theta, float[] gradient) {
        for (int j = 0; j < theta.length; j++) {
            gradient[j] += (float) (2 * weights[j] * ((double) theta[j] - anchor[j]));
        }
    }

    public double[] weights() {
        return weights.clone();
    }

    public float[] anchor() {
        return anchor.clone();
    }
}
