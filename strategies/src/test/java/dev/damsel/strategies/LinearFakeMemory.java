package dev.damsel.strategies;

import dev.damsel.api.ParameterLayout;
import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.TrainableMemory;
import dev.damsel.api.UnitMask;

/**
 * A hand-checkable memory with θ of N values: the loss gradient of a batch is {@code Σ_b (x_bj + θ_j)} and the
 * output-norm gradient {@code Σ_b (x_bj − θ_j)}, so importances can be computed by hand.
 */
public final class LinearFakeMemory implements TrainableMemory {
    private final int n;
    private float[] theta;

    public LinearFakeMemory(float... theta) {
        this.n = theta.length;
        this.theta = theta.clone();
    }

    @Override
    public ParameterLayout layout() {
        return new ParameterLayout(1, n);
    }

    @Override
    public float[] parameters() {
        return theta.clone();
    }

    @Override
    public void setParameters(float[] parameters) {
        theta = parameters.clone();
    }

    @Override
    public double temperature() {
        return 1;
    }

    @Override
    public void setTemperature(double temperature) {
    }

    @Override
    public double loss(StateBatch items, UnitMask mask) {
        return 0;
    }

    @Override
    public double lossGradient(StateBatch items, UnitMask mask, float[] gradient) {
        java.util.Arrays.fill(gradient, 0f);
        for (int b = 0; b < items.size(); b++) {
            for (int j = 0; j < n; j++) {
                gradient[j] += items.get(b, j) + theta[j];
            }
        }
        return 0;
    }

    @Override
    public double outputNormGradient(StateBatch items, UnitMask mask, float[] gradient) {
        java.util.Arrays.fill(gradient, 0f);
        for (int b = 0; b < items.size(); b++) {
            for (int j = 0; j < n; j++) {
                gradient[j] += items.get(b, j) - theta[j];
            }
        }
        return 0;
    }

    @Override
    public double[] outputs(StateBatch items, UnitMask mask) {
        return new double[items.size() * mask.size()];
    }

    @Override
    public TrainableMemory copy() {
        return new LinearFakeMemory(theta);
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double[] energy(StateBatch states) {
        return new double[states.size()];
    }

    @Override
    public double[] unitDrives(StateBatch states, UnitMask mask) {
        return new double[states.size() * mask.size()];
    }

    @Override
    public StateBatch relax(StateBatch probes, UnitMask mask, RelaxOptions options) {
        return probes;
    }
}
