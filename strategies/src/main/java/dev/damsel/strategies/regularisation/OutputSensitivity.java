package dev.damsel.strategies.regularisation;

import dev.damsel.api.StateBatch;
import dev.damsel.api.TrainableMemory;
import dev.damsel.api.UnitMask;

/**
 * The parameter importance of Memory Aware Synapses (Aljundi et al. 2018, Eq. 4 with the squared ℓ2 norm of the
 * output): {@code Ω_j = (1/n) Σ_x |∂‖Y(x)‖²/∂θ_j|}, Y the memory's {@code outputs} on the masked units. It needs no
 * labels: only how much the memory's output moves when a parameter does.
 */
public final class OutputSensitivity {
    private OutputSensitivity() {
    }

    public static double[] estimate(TrainableMemory memory, StateBatch items, UnitMask mask) {
        int size = (int) memory.parameterCount();
        double[] omega = new double[size];
        if (items.isEmpty()) {
            return omega;
        }
        float[] gradient = new float[size];
        for (int b = 0; b < items.size(); b++) {
            memory.outputNormGradient(items.slice(b, b + 1), mask, gradient);
            for (int j = 0; j < size; j++) {
                omega[j] += Math.abs(gradient[j]);
            }
        }
        for (int j = 0; j < size; j++) {
            omega[j] /= items.size();
        }
        return omega;
    }
}
