package dev.damsel.core.training;

import dev.damsel.api.ParameterLayout;
import dev.damsel.api.TrainableMemory;

import java.util.Arrays;

/**
 * The optimiser of Krotov &amp; Hopfield 2016 (appendix A) as used by McAlister et al. 2024: momentum
 * {@code G ← p·G + ∂L/∂θ}, then for each memory μ (block of the {@link ParameterLayout})
 * {@code ξ^μ ← ξ^μ − lr · G^μ / max_i |G^μ_i|} (the maximum floored at 1e−30), then every parameter clamped to
 * [−1, 1]. The normalisation makes lr the largest change of any entry of each memory in one step.
 *
 * <p>Holds the momentum and a parameter buffer, both reused across steps; {@link #reset()} clears the momentum.
 */
public final class NormalisedMomentum {
    /** Floor of the per-memory maximum, so an all-zero block does not divide by zero. */
    public static final double MIN_SCALE = 1e-30;

    private final ParameterLayout layout;
    private final double momentum;
    private final float[] velocity;

    public NormalisedMomentum(ParameterLayout layout, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.layout = layout;
        this.momentum = momentum;
        this.velocity = new float[layout.size()];
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** Clears the momentum (at the start of each task). */
    public void reset() {
        Arrays.fill(velocity, 0f);
    }

    /** One step: moves the memory's θ by the normalised momentum of {@code gradient}. */
    public void step(TrainableMemory memory, float[] gradient, double learningRate) {
        if (gradient.length != velocity.length) {
            throw new IllegalArgumentException("expected a gradient of " + velocity.length + " values, got "
                    + gradient.length);
        }
        float[] theta = memory.parameters();
        float p = (float) momentum;
        for (int q = 0; q < velocity.length; q++) {
            velocity[q] = p * velocity[q] + gradient[q];
        }
        int length = layout.blockLength();
        for (int block = 0; block < layout.blocks(); block++) {
            int from = block * length;
            float largest = 0f; // in float: abs and max are exact, and the JIT vectorises the float reduction
            for (int q = from; q < from + length; q++) {
                largest = Math.max(largest, Math.abs(velocity[q]));
            }
            double rate = learningRate / Math.max(largest, MIN_SCALE);
            for (int q = from; q < from + length; q++) {
                double next = theta[q] - rate * velocity[q];
                // the clamp to [−1, 1], as compares: the same values as Math.max/min (NaN included), faster here
                theta[q] = next >= 1.0 ? 1f : next <= -1.0 ? -1f : (float) next;
            }
        }
        memory.setParameters(theta);
    }
}
