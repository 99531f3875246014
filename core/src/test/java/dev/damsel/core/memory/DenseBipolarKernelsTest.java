package dev.damsel.core.memory;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;
import dev.damsel.api.UpdateMode;
import dev.damsel.core.interaction.ExponentialInteraction;
import dev.damsel.core.interaction.LeakyRectifiedPolynomialInteraction;
import dev.damsel.core.interaction.PolynomialInteraction;
import dev.damsel.core.interaction.RectifiedPolynomialInteraction;
import dev.damsel.core.training.NormalisedMomentum;
import dev.damsel.core.vector.Parallel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.damsel.core.memory.Fixtures.randomMemory;
import static dev.damsel.core.memory.Fixtures.randomStates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The kernels' fast paths against {@link DenseBipolarReference}, thread-count independence, numerical range. */
class DenseBipolarKernelsTest {
    private static final RelaxOptions ONE_STEP = new RelaxOptions(UpdateMode.SYNCHRONOUS, 1, 0L);

    private static List<InteractionFunction> interactions() {
        List<InteractionFunction> all = new ArrayList<>(Fixtures.everyInteraction());
        all.add(new PolynomialInteraction(60));
        all.add(new RectifiedPolynomialInteraction(5));
        all.add(new LeakyRectifiedPolynomialInteraction(1));
        return all;
    }

    @Test
    void fastStepDrivesEnergyAndGradientMatchTheReferenceForEveryInteraction() {
        SplittableRandom random = new SplittableRandom(21);
        int steps = 0;
        for (InteractionFunction f : interactions()) {
            for (int n : new int[]{1, 7, 13, 65, 130}) {
                for (int k : new int[]{1, 5, 40}) {
                    for (double t : new double[]{0.3, 1.0}) {
                        for (boolean stored : new boolean[]{false, true}) {
                            DenseBipolarMemory memory = stored
                                    ? DenseBipolarMemory.storing(randomStates(k, n, random), f, t)
                                    : randomMemory(k, n, f, t, 1, random);
                            StateBatch states = randomStates(37, n, random);
                            for (UnitMask mask : Fixtures.masks(n, random)) {
                                steps += compare(memory, states, mask);
                            }
                        }
                    }
                }
            }
        }
        assertThat(steps).isGreaterThan(10_000);
    }

    /** Compares everything on one case; returns the number of unit updates checked. */
    private static int compare(DenseBipolarMemory memory, StateBatch states, UnitMask mask) {
        DenseBipolarReference reference = new DenseBipolarReference(memory);
        String what = memory + " " + mask;
        double[] expectedEnergy = reference.energy(states);
        double[] energy = memory.energy(states);
        for (int b = 0; b < states.size(); b++) {
            assertThat(energy[b]).as(what).isCloseTo(expectedEnergy[b],
                    within(1e-11 * (1 + Math.abs(expectedEnergy[b]))));
        }
        double[] expectedDrives = reference.unitDrives(states, mask);
        double[] drives = memory.unitDrives(states, mask);
        StateBatch stepped = memory.relax(states, mask, ONE_STEP);
        StateBatch expectedStep = reference.relaxSynchronous(states, mask, 1);
        int checked = 0;
        int m = mask.size();
        double[] magnitudes = termMagnitudes(memory, states, mask);
        for (int b = 0; b < states.size(); b++) {
            for (int q = 0; q < m; q++) {
                double expected = expectedDrives[b * m + q];
                double magnitude = magnitudes[b * m + q];
                assertThat(drives[b * m + q]).as(what).isCloseTo(expected, within(1e-12 * (1e-300 + magnitude)));
                // The step needs only the sign; the float two-product form may round ties and near-ties.
                if (Math.abs(expected) > 1e-5 * magnitude) {
                    assertThat(stepped.get(b, mask.unit(q))).as(what + " state " + b + " unit " + mask.unit(q))
                            .isEqualTo(expectedStep.get(b, mask.unit(q)));
                    checked++;
                }
            }
        }
        // tanh(drive) turns a drive's rounding error (≈1e-16 of its terms) into an output error: compare the loss only
        // where that error is small (terms up to 1e6), which excludes degree 60 at T < 1.
        if (java.util.Arrays.stream(magnitudes).max().orElse(0) > 1e6) {
            return checked;
        }
        double[] expectedOutputs = new double[states.size() * m];
        float[] expectedGradient = new float[memory.layout().size()];
        double expectedLoss = reference.lossKernel(states, mask, expectedOutputs, expectedGradient);
        float[] gradient = new float[memory.layout().size()];
        double loss = memory.lossGradient(states, mask, gradient);
        assertThat(loss).as(what).isCloseTo(expectedLoss, within(1e-9 * (1 + Math.abs(expectedLoss))));
        assertThat(memory.outputs(states, mask)).as(what).containsExactly(expectedOutputs, within(1e-9));
        double largest = 0;
        for (float g : expectedGradient) {
            largest = Math.max(largest, Math.abs(g));
        }
        for (int p = 0; p < gradient.length; p++) {
            assertThat(gradient[p]).as(what + " gradient " + p)
                    .isCloseTo(expectedGradient[p], within((float) (1e-5 * (1e-12 + largest))));
        }
        return checked;
    }

    /** Σ_μ |F(a⁺)| + |F(a⁻)| of every drive: the scale of its rounding error. */
    private static double[] termMagnitudes(DenseBipolarMemory memory, StateBatch states, UnitMask mask) {
        int n = memory.dimension();
        float[] xi = memory.parameters();
        double s = 1.0 / (memory.temperature() * n);
        InteractionFunction f = memory.interaction();
        double[] out = new double[states.size() * mask.size()];
        for (int b = 0; b < states.size(); b++) {
            for (int q = 0; q < mask.size(); q++) {
                int i = mask.unit(q);
                double sum = 0;
                for (int mu = 0; mu < memory.memories(); mu++) {
                    double overlap = 0;
                    for (int j = 0; j < n; j++) {
                        overlap += (double) xi[mu * n + j] * states.get(b, j);
                    }
                    double w = xi[mu * n + i];
                    double c = overlap - w * states.get(b, i);
                    sum += Math.abs(f.value(s * (c + w))) + Math.abs(f.value(s * (c - w)));
                }
                out[b * mask.size() + q] = sum;
            }
        }
        return out;
    }

    /**
     * The 16-bit step decides most units near a memory from the rounded product and leaves some to the double sum (a
     * few a probe) or, for a probe far from every memory, where drives crowd around zero, to the float product; a
     * batch mostly far from every memory takes the float product outright. With 700 memories of 100 units all of
     * these happen, and every sign must still be the reference's.
     */
    @Test
    void theSixteenBitStepKeepsTheReferenceSignsNearAndFarFromMemories() {
        SplittableRandom random = new SplittableRandom(25);
        int n = 100;
        for (InteractionFunction f : List.of(new PolynomialInteraction(3), new RectifiedPolynomialInteraction(5),
                new ExponentialInteraction())) {
            StateBatch patterns = randomStates(700, n, random);
            DenseBipolarMemory memory = DenseBipolarMemory.storing(patterns, f, 1.0);
            for (int far : new int[]{4, 40}) {
                float[] values = new float[40 * n];
                for (int b = 0; b < 40; b++) {
                    StateBatch probe = b >= far ? Fixtures.flip(patterns, 0.1, random) : randomStates(1, n, random);
                    System.arraycopy(probe.values(), b >= far ? (b * 7) * n : 0, values, b * n, n);
                }
                StateBatch probes = new StateBatch(40, n, values);
                assertStepMatchesTheReference(memory, probes, f + " with " + far + " far probes");
            }
        }
    }

    /** One synchronous step of every unit against the reference's, but for near-ties. */
    private static void assertStepMatchesTheReference(DenseBipolarMemory memory, StateBatch probes, String what) {
        int n = memory.dimension();
        UnitMask all = UnitMask.all(n);
        StateBatch stepped = memory.relax(probes, all, ONE_STEP);
        DenseBipolarReference reference = new DenseBipolarReference(memory);
        StateBatch expected = reference.relaxSynchronous(probes, all, 1);
        double[] drives = reference.unitDrives(probes, all);
        double[] magnitudes = termMagnitudes(memory, probes, all);
        int checked = 0;
        for (int b = 0; b < probes.size(); b++) {
            for (int i = 0; i < n; i++) {
                if (Math.abs(drives[b * n + i]) > 1e-5 * magnitudes[b * n + i]) {
                    assertThat(stepped.get(b, i)).as(what + " probe " + b + " unit " + i)
                            .isEqualTo(expected.get(b, i));
                    checked++;
                }
            }
        }
        assertThat(checked).as(what).isGreaterThan((probes.size() - 1) * n);
    }

    /** Degrees 1 and 2 make exact ties common, where the reference's sign is rounding noise; the rest must agree. */
    @Test
    void storedPatternsRelaxLikeTheReferenceToTheEnd() {
        SplittableRandom random = new SplittableRandom(22);
        for (InteractionFunction f : interactions()) {
            if (f.degree() == 1 || f.degree() == 2) {
                continue;
            }
            StateBatch patterns = randomStates(50, 200, random);
            DenseBipolarMemory memory = DenseBipolarMemory.storing(patterns, f, 1.0);
            StateBatch probes = Fixtures.flip(patterns, 0.1, random);
            StateBatch relaxed = memory.relax(probes, UnitMask.all(200), RelaxOptions.DEFAULT);
            StateBatch expected = new DenseBipolarReference(memory).relaxSynchronous(probes, UnitMask.all(200), 100);
            assertThat(relaxed).as(f.toString()).isEqualTo(expected);
        }
    }

    @Test
    void gradientIsBitIdenticalForOneAndManyThreads() {
        SplittableRandom random = new SplittableRandom(23);
        DenseBipolarMemory memory = randomMemory(30, 50, new RectifiedPolynomialInteraction(3), 0.5, 2, random);
        StateBatch items = randomStates(101, 50, random);
        UnitMask mask = UnitMask.all(50);
        int threads = Parallel.threads();
        float[] one = new float[memory.layout().size()];
        float[] many = new float[memory.layout().size()];
        double lossOne;
        double lossMany;
        StateBatch relaxedOne;
        try {
            Parallel.setThreads(1);
            lossOne = memory.lossGradient(items, mask, one);
            relaxedOne = memory.relax(items, mask, RelaxOptions.DEFAULT);
        } finally {
            Parallel.setThreads(threads);
        }
        lossMany = memory.lossGradient(items, mask, many);
        assertThat(many).containsExactly(one);
        assertThat(lossMany).isEqualTo(lossOne);
        assertThat(memory.relax(items, mask, RelaxOptions.DEFAULT)).isEqualTo(relaxedOne);
    }

    @Test
    void largeDegreesAndLargeBetaStayFinite() {
        SplittableRandom random = new SplittableRandom(24);
        int n = 64;
        for (InteractionFunction f : List.of(new PolynomialInteraction(60), new RectifiedPolynomialInteraction(60),
                new LeakyRectifiedPolynomialInteraction(59), new ExponentialInteraction())) {
            for (double t : new double[]{0.01, 1.0, 100.0}) {
                StateBatch patterns = randomStates(10, n, random);
                StateBatch probes = Fixtures.flip(patterns, 0.2, random);
                for (DenseBipolarMemory memory : List.of(DenseBipolarMemory.storing(patterns, f, t),
                        randomMemory(10, n, f, t, 1, random))) {
                    String what = memory.toString();
                    assertThat(java.util.Arrays.stream(memory.energy(probes)).allMatch(Double::isFinite)).as(what).isTrue();
                    assertThat(java.util.Arrays.stream(memory.unitDrives(probes, UnitMask.all(n))).allMatch(Double::isFinite)).as(what).isTrue();
                    StateBatch relaxed = memory.relax(probes, UnitMask.all(n), RelaxOptions.DEFAULT);
                    for (float v : relaxed.values()) {
                        assertThat(v).as(what).isIn(1f, -1f);
                    }
                    NormalisedMomentum optimiser = new NormalisedMomentum(memory.layout(), 0.9);
                    float[] gradient = new float[memory.layout().size()];
                    for (int step = 0; step < 20; step++) {
                        double loss = memory.lossGradient(patterns, UnitMask.all(n), gradient);
                        assertThat(loss).as(what).isFinite();
                        for (float g : gradient) {
                            assertThat(Float.isFinite(g)).as(what).isTrue();
                        }
                        optimiser.step(memory, gradient, 0.05);
                    }
                    for (float p : memory.parameters()) {
                        assertThat(Float.isFinite(p)).as(what).isTrue();
                    }
                }
            }
        }
    }
}
