package dev.damsel.strategies.regularisation;

import dev.damsel.api.StateBatch;
import dev.damsel.api.TrainableMemory;
import dev.damsel.api.UnitMask;

/**
 * The diagonal of the empirical Fisher information of EWC (Kirkpatrick et al. 2017, Eq. 3 and its supplement): the
 * per-item gradient of the memory's loss, squared and averaged over the items, {@code F_j = (1/n) Σ_x (∂L(x)/∂θ_j)²}.
 * The DAM loss is a squared error, so this is the Fisher of a Gaussian observation model up to a constant, which λ
 * absorbs.
 */
public final class FisherDiagonal {
    private FisherDiagonal() {
    }

    public static double[] estimate(TrainableMemory memory, StateBatch items, UnitMask mask) {
        int size = (int) memory.parameterCount();
        double[] fisher = new double[size];
        if (items.isEmpty()) {
            return fisher;
        }
        float[] gradient = new float[size];
        for (int b = 0; b < items.size(); b++) {
            memory.lossGradient(items.slice(b, b + 1), mask, gradient);
            for (int j = 0; j < size; j++) {
                fisher[j] += (double) gradient[j] * gradient[j];
            }
        }
        for (int j = 0; j < size; j++) {
            fisher[j] /= items.size();
        }
        return fisher;
    }
}
