package dev.damsel.core.memory;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.damsel.core.memory.Fixtures.everyInteraction;
import static dev.damsel.core.memory.Fixtures.randomMemory;
import static dev.damsel.core.memory.Fixtures.randomStates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The output-norm gradient of Memory Aware Synapses against the outputs and central differences of their norm. */
class DenseBipolarMemoryOutputNormTest {
    private static final int N = 7;
    private static final int K = 5;

    @Test
    void normIsTheSumOfSquaredOutputsAndItsGradientMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(91);
        for (InteractionFunction f : everyInteraction()) {
            for (LossContext context : LossContext.values()) {
                for (UnitMask mask : new UnitMask[]{UnitMask.all(N), UnitMask.of(N, 0, 3, 6)}) {
                    DenseBipolarMemory base = randomMemory(K, N, f, 0.6, 1, random);
                    DenseBipolarMemory memory = new DenseBipolarMemory(K, N, base.parameters(), f, 0.6, 1, context);
                    check(memory, randomStates(3, N, random), mask);
                }
            }
        }
    }

    private static void check(DenseBipolarMemory memory, StateBatch items, UnitMask mask) {
        float[] theta = memory.parameters();
        float[] gradient = new float[theta.length];
        double norm = memory.outputNormGradient(items, mask, gradient);
        assertThat(norm).isCloseTo(squaredNorm(memory, items, mask), within(1e-9));

        double h = 1e-3;
        double largest = 0;
        double[] numeric = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            float original = theta[p];
            float up = (float) (original + h);
            float down = (float) (original - h);
            theta[p] = up;
            memory.setParameters(theta);
            double normUp = squaredNorm(memory, items, mask);
            theta[p] = down;
            memory.setParameters(theta);
            double normDown = squaredNorm(memory, items, mask);
            theta[p] = original;
            numeric[p] = (normUp - normDown) / ((double) up - (double) down);
            largest = Math.max(largest, Math.abs(numeric[p]));
        }
        memory.setParameters(theta);
        assertThat(largest).isGreaterThan(1e-4);
        for (int p = 0; p < theta.length; p++) {
            assertThat((double) gradient[p]).as("%s %s parameter %d", memory, mask, p)
                    .isCloseTo(numeric[p], within(2e-5 * largest + 1e-5 * Math.abs(numeric[p])));
        }
    }

    private static double squaredNorm(DenseBipolarMemory memory, StateBatch items, UnitMask mask) {
        double sum = 0;
        for (double y : memory.outputs(items, mask)) {
            sum += y * y;
        }
        return sum;
    }
}
