package dev.damsel.strategies.projection;

import dev.damsel.strategies.Items;

/**
 * A-GEM's projection (Chaudhry et al. 2019, "Efficient Lifelong Learning with A-GEM", Eq. 11): with one reference
 * gradient g_ref, g is left alone when {@code ⟨g, g_ref⟩ ≥ 0} and otherwise replaced in place by
 * {@code g − (⟨g, g_ref⟩ / ⟨g_ref, g_ref⟩) g_ref}, its projection onto the half-space {@code ⟨·, g_ref⟩ ≥ 0}.
 */
public final class AveragedProjection {
    private AveragedProjection() {
    }

    /** @return whether g was projected */
    public static boolean project(float[] g, float[] reference) {
        double dot = Items.dot(g, reference);
        if (dot >= 0) {
            return false;
        }
        double norm = Items.dot(reference, reference);
        if (norm == 0) {
            return false;
        }
        double f = dot / norm;
        for (int j = 0; j < g.length; j++) {
            g[j] = (float) (g[j] - f * reference[j]);
        }
        return true;
    }
}
