package dev.damsel.strategies.projection;

/**
 * GEM's gradient projection (Lopez-Paz &amp; Ranzato 2017, Eqs. 8–13): the vector g̃ closest to g such that
 * {@code ⟨g̃, g_k⟩ ≥ 0} for every earlier task's gradient g_k, so that a step along −g̃ does not increase any earlier
 * loss to first order. The primal {@code min ½‖g̃ − g‖² s.t. G g̃ ≥ 0} (rows of G: the g_k) has the dual
 * {@code min_{v ≥ 0} ½ vᵀ(GGᵀ)v + (Gg)ᵀv}, a quadratic over as many variables as earlier tasks, solved exactly by
 * {@link NonNegativeQuadratic}; then {@code g̃ = g + Gᵀv}. With a margin γ &gt; 0 the dual variables are bounded below
 * by γ (GEM's "memory strength", as in the authors' code), which biases g̃ further towards the earlier gradients.
 * If g already satisfies every constraint it is returned unchanged.
 */
public final class ConeProjection {
    private ConeProjection() {
    }

    /** g̃ for the gradient {@code g} and the constraint gradients {@code constraints[k]}. */
    public static double[] project(double[] g, double[][] constraints, double margin) {
        int t = constraints.length;
        boolean violated = false;
        double[] gg = new double[t];
        for (int k = 0; k < t; k++) {
            gg[k] = dot(constraints[k], g);
            violated |= gg[k] < 0;
        }
        if (!violated) {
            return g.clone();
        }
        double[][] gram = new double[t][t];
        for (int i = 0; i < t; i++) {
            for (int j = i; j < t; j++) {
                gram[i][j] = gram[j][i] = dot(constraints[i], constraints[j]);
            }
        }
        double[] b = new double[t];
        for (int i = 0; i < t; i++) {
            double shift = 0;
            for (int j = 0; j < t; j++) {
                shift += gram[i][j] * margin;
            }
            b[i] = gg[i] + shift;
        }
        double[] u = NonNegativeQuadratic.minimise(gram, b);
        double[] out = g.clone();
        for (int k = 0; k < t; k++) {
            double v = u[k] + margin;
            for (int j = 0; j < out.length; j++) {
                out[j] += v * constraints[k][j];
            }
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
