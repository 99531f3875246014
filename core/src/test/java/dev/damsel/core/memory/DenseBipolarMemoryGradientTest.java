package dev.damsel.core.memory;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;
import dev.damsel.core.interaction.PolynomialInteraction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static dev.damsel.core.memory.Fixtures.everyInteraction;
import static dev.damsel.core.memory.Fixtures.randomMemory;
import static dev.damsel.core.memory.Fixtures.randomStates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DenseBipolarMemoryGradientTest {
    private static final int N = 7;
    private static final int K = 5;

    @Test
    void analyticGradientMatchesCentralDifferencesForEveryInteraction() {
        SplittableRandom random = new SplittableRandom(77);
        List<UnitMask> masks = List.of(UnitMask.all(N), UnitMask.of(N, 1, 4, 5));
        int checked = 0;
        for (InteractionFunction f : everyInteraction()) {
            for (int errorPower : new int[]{1, 2}) {
                for (UnitMask mask : masks) {
                    DenseBipolarMemory memory = randomMemory(K, N, f, 0.6, errorPower, random);
                    StateBatch items = randomStates(3, N, random);
                    checkGradient(memory, items, mask);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(everyInteraction().size() * 4);
    }

    private static void checkGradient(DenseBipolarMemory memory, StateBatch items, UnitMask mask) {
        float[] theta = memory.parameters();
        float[] gradient = new float[theta.length];
        java.util.Arrays.fill(gradient, Float.NaN);
        double loss = memory.lossGradient(items, mask, gradient);
        assertThat(loss).isEqualTo(memory.loss(items, mask));

        double[] numeric = new double[theta.length];
        double largest = 0;
        double h = 1e-3;
        for (int p = 0; p < theta.length; p++) {
            float original = theta[p];
            float up = (float) (original + h);
            float down = (float) (original - h);
            theta[p] = up;
            memory.setParameters(theta);
            double lossUp = memory.loss(items, mask);
            theta[p] = down;
            memory.setParameters(theta);
            double lossDown = memory.loss(items, mask);
            theta[p] = original;
            numeric[p] = (lossUp - lossDown) / ((double) up - (double) down);
            largest = Math.max(largest, Math.abs(numeric[p]));
        }
        memory.setParameters(theta);
        assertThat(largest).as("a test that checks a zero gradient checks nothing").isGreaterThan(1e-4);
        for (int p = 0; p < theta.length; p++) {
            assertThat((double) gradient[p]).as("%s %s parameter %d", memory, mask, p)
                    .isCloseTo(numeric[p], within(2e-6 * largest + 1e-6 * Math.abs(numeric[p])));
        }
    }

    @Test
    void maskedOffContextGradientMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(78);
        for (InteractionFunction f : everyInteraction()) {
            DenseBipolarMemory base = randomMemory(K, N, f, 0.6, 1, random);
            DenseBipolarMemory memory = new DenseBipolarMemory(K, N, base.parameters(), f, 0.6, 1,
                    LossContext.MASKED_OFF);
            checkGradient(memory, randomStates(3, N, random), UnitMask.of(N, 2, 3, 6));
        }
    }

    @Test
    void maskedOffOutputsAreTheDrivesOfTheStateWithEveryMaskedUnitOff() {
        SplittableRandom random = new SplittableRandom(79);
        DenseBipolarMemory base = randomMemory(K, N, new PolynomialInteraction(3), 0.5, 1, random);
        DenseBipolarMemory memory = new DenseBipolarMemory(K, N, base.parameters(), base.interaction(), 0.5, 1,
                LossContext.MASKED_OFF);
        UnitMask mask = UnitMask.of(N, 4, 5, 6);
        StateBatch items = randomStates(2, N, random);
        float[] off = items.copyValues();
        for (int b = 0; b < 2; b++) {
            for (int unit : mask.units()) {
                off[b * N + unit] = -1f;
            }
        }
        double[] drives = memory.unitDrives(new StateBatch(2, N, off), mask);
        double[] outputs = memory.outputs(items, mask);
        double[] itemOutputs = base.outputs(items, mask);
        for (int p = 0; p < outputs.length; p++) {
            assertThat(outputs[p]).isCloseTo(Math.tanh(drives[p]), within(1e-15));
        }
        assertThat(outputs).as("the context must matter for items with a masked unit at +1").isNotEqualTo(itemOutputs);
    }

    @Test
    void lossAndOutputsFollowTheirDefinition() {
        SplittableRandom random = new SplittableRandom(9);
        DenseBipolarMemory memory = randomMemory(K, N, new PolynomialInteraction(3), 0.4, 2, random);
        StateBatch items = randomStates(2, N, random);
        UnitMask mask = UnitMask.of(N, 0, 3, 6);
        double[] drives = memory.unitDrives(items, mask);
        double[] outputs = memory.outputs(items, mask);
        double expected = 0;
        for (int b = 0; b < 2; b++) {
            for (int k = 0; k < 3; k++) {
                assertThat(outputs[b * 3 + k]).isCloseTo(Math.tanh(drives[b * 3 + k]), within(1e-15));
                expected += Math.pow(outputs[b * 3 + k] - items.get(b, mask.unit(k)), 4);
            }
        }
        assertThat(memory.loss(items, mask)).isCloseTo(expected, within(1e-12));
    }

    @Test
    void gradientOverwritesRatherThanAdds() {
        SplittableRandom random = new SplittableRandom(10);
        DenseBipolarMemory memory = randomMemory(K, N, new PolynomialInteraction(2), 1.0, 1, random);
        StateBatch items = randomStates(2, N, random);
        float[] fresh = new float[K * N];
        float[] dirty = new float[K * N];
        java.util.Arrays.fill(dirty, 5f);
        memory.lossGradient(items, UnitMask.all(N), fresh);
        memory.lossGradient(items, UnitMask.all(N), dirty);
        assertThat(dirty).containsExactly(fresh);
    }
}
