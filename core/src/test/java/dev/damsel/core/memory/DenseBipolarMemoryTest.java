package dev.damsel.core.memory;

import dev.damsel.api.InteractionFunction;
import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;
import dev.damsel.api.UpdateMode;
import dev.damsel.core.interaction.PolynomialInteraction;
import dev.damsel.core.interaction.RectifiedPolynomialInteraction;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.damsel.core.memory.Fixtures.everyInteraction;
import static dev.damsel.core.memory.Fixtures.randomMemory;
import static dev.damsel.core.memory.Fixtures.randomStates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DenseBipolarMemoryTest {
    private static final RelaxOptions ONE_SYNC_STEP = new RelaxOptions(UpdateMode.SYNCHRONOUS, 1, 0L);

    @Test
    void energyAndDriveOfAHandComputedExample() {
        // ξ¹ = (1, −1, 0.5), ξ² = (0.5, 0.5, −1), x = (1, 1, −1), F(a) = a², T = 1, so a = m/3.
        // m = (−0.5, 2): E = −((−1/6)² + (2/3)²) = −17/36.
        // Unit 0: x⁺ = x; x⁻ = (−1, 1, −1) has m = (−2.5, 1): d₀ = 17/36 − (25/36 + 4/36) = −1/3.
        // Unit 1: x⁺ = x; x⁻ = (1, −1, −1) has m = (1.5, 1): d₁ = 17/36 − (9/36 + 4/36) = 1/9.
        // Unit 2: x⁻ = x; x⁺ = (1, 1, 1) has m = (0.5, 0): d₂ = 1/36 − 17/36 = −4/9.
        float[] xi = {1f, -1f, 0.5f, 0.5f, 0.5f, -1f};
        DenseBipolarMemory memory = new DenseBipolarMemory(2, 3, xi, new PolynomialInteraction(2), 1.0, 1);
        StateBatch x = StateBatch.of(3, new float[]{1f, 1f, -1f});

        assertThat(memory.energy(x)[0]).isCloseTo(-17.0 / 36, within(1e-12));
        assertThat(memory.unitDrives(x, UnitMask.all(3))).containsExactly(new double[]{-1.0 / 3, 1.0 / 9, -4.0 / 9},
                within(1e-12));
        assertThat(memory.unitDrives(x, UnitMask.of(3, 2, 0))).containsExactly(new double[]{-1.0 / 3, -4.0 / 9},
                within(1e-12));
        assertThat(memory.relax(x, UnitMask.all(3), ONE_SYNC_STEP).row(0)).containsExactly(-1f, 1f, -1f);
        assertThat(memory.layout().blocks()).isEqualTo(2);
        assertThat(memory.parameterCount()).isEqualTo(6);
    }

    @Test
    void drivesAndTheSynchronousStepFollowTheDefinitionForEveryInteraction() {
        SplittableRandom random = new SplittableRandom(11);
        int cases = 0;
        for (InteractionFunction f : everyInteraction()) {
            for (int n : new int[]{1, 7, 13}) {
                for (int k : new int[]{1, 5}) {
                    for (double t : new double[]{0.3, 1.0, 2.5}) {
                        DenseBipolarMemory memory = randomMemory(k, n, f, t, 1, random);
                        StateBatch states = randomStates(4, n, random);
                        for (UnitMask mask : Fixtures.masks(n, random)) {
                            checkAgainstDefinition(memory, states, mask);
                            cases++;
                        }
                    }
                }
            }
        }
        assertThat(cases).isEqualTo(7 * 5 * 2 * 3);
    }

    /** Builds x⁺ᵢ and x⁻ᵢ for every masked unit and compares E(x⁻ᵢ) − E(x⁺ᵢ) with the memory's drives and step. */
    private static void checkAgainstDefinition(DenseBipolarMemory memory, StateBatch states, UnitMask mask) {
        int n = states.dimension();
        int m = mask.size();
        float[] tiled = new float[2 * m * n];
        double[] drives = memory.unitDrives(states, mask);
        StateBatch stepped = memory.relax(states, mask, ONE_SYNC_STEP);
        for (int b = 0; b < states.size(); b++) {
            float[] x = states.row(b);
            for (int k = 0; k < m; k++) {
                System.arraycopy(x, 0, tiled, (2 * k) * n, n);
                System.arraycopy(x, 0, tiled, (2 * k + 1) * n, n);
                tiled[(2 * k) * n + mask.unit(k)] = 1f;
                tiled[(2 * k + 1) * n + mask.unit(k)] = -1f;
            }
            double[] e = memory.energy(new StateBatch(2 * m, n, tiled));
            for (int k = 0; k < m; k++) {
                double expected = e[2 * k + 1] - e[2 * k];
                double tolerance = 1e-11 * (1 + Math.abs(e[2 * k]) + Math.abs(e[2 * k + 1]));
                String what = memory + " " + mask + " state " + b + " unit " + mask.unit(k);
                assertThat(drives[b * m + k]).as(what).isCloseTo(expected, within(tolerance));
                if (Math.abs(expected) > tolerance) {
                    assertThat(stepped.get(b, mask.unit(k))).as(what).isEqualTo(expected > 0 ? 1f : -1f);
                }
            }
            for (int i = 0; i < n; i++) {
                if (!mask.contains(i)) {
                    assertThat(stepped.get(b, i)).as("clamped unit %d", i).isEqualTo(x[i]);
                }
            }
        }
    }

    @Test
    void signOfAZeroDriveIsMinusOne() {
        // N = 1 and F even: F(ξ/T) = F(−ξ/T), so the drive is exactly 0.
        DenseBipolarMemory memory = new DenseBipolarMemory(1, 1, new float[]{0.5f}, new PolynomialInteraction(2),
                1.0, 1);
        StateBatch plus = StateBatch.of(1, new float[]{1f});
        assertThat(memory.unitDrives(plus, UnitMask.all(1))).containsExactly(0.0);
        assertThat(memory.relax(plus, UnitMask.all(1), RelaxOptions.DEFAULT).row(0)).containsExactly(-1f);
    }

    @Test
    void everyAsynchronousUpdateLowersOrKeepsTheEnergy() {
        SplittableRandom random = new SplittableRandom(5);
        for (InteractionFunction f : everyInteraction()) {
            DenseBipolarMemory memory = randomMemory(5, 13, f, 0.5, 1, random);
            StateBatch state = randomStates(1, 13, random);
            double energy = memory.energy(state)[0];
            // Single-unit masks: each relax call is exactly one asynchronous update.
            for (int round = 0; round < 3; round++) {
                for (int i : Fixtures.permutation(13, random)) {
                    state = memory.relax(state, UnitMask.of(13, i),
                            new RelaxOptions(UpdateMode.ASYNCHRONOUS, 1, round));
                    double next = memory.energy(state)[0];
                    assertThat(next).as("%s unit %d", f, i).isLessThanOrEqualTo(energy + 1e-12 * (1 + Math.abs(energy)));
                    energy = next;
                }
            }
            // Whole sweeps as well.
            StateBatch probe = randomStates(1, 13, random);
            double before = memory.energy(probe)[0];
            for (int sweep = 0; sweep < 5; sweep++) {
                probe = memory.relax(probe, UnitMask.all(13), new RelaxOptions(UpdateMode.ASYNCHRONOUS, 1, sweep));
                double after = memory.energy(probe)[0];
                assertThat(after).isLessThanOrEqualTo(before + 1e-12 * (1 + Math.abs(before)));
                before = after;
            }
        }
    }

    @Test
    void asynchronousRelaxationEndsInAFixedPointOfTheSynchronousStep() {
        SplittableRandom random = new SplittableRandom(8);
        DenseBipolarMemory memory = randomMemory(5, 20, new RectifiedPolynomialInteraction(3), 0.2, 1, random);
        StateBatch probes = randomStates(6, 20, random);
        StateBatch relaxed = memory.relax(probes, UnitMask.all(20), new RelaxOptions(UpdateMode.ASYNCHRONOUS, 200, 3));
        assertThat(memory.relax(relaxed, UnitMask.all(20), ONE_SYNC_STEP)).isEqualTo(relaxed);
    }

    @Test
    void asynchronousResultsDependOnTheSeedAndIndexAlone() {
        SplittableRandom random = new SplittableRandom(21);
        DenseBipolarMemory memory = randomMemory(5, 31, new PolynomialInteraction(3), 0.5, 1, random);
        StateBatch probes = randomStates(6, 31, random);
        UnitMask mask = UnitMask.range(31, 3, 29);
        RelaxOptions options = new RelaxOptions(UpdateMode.ASYNCHRONOUS, 2, 99L);

        StateBatch once = memory.relax(probes, mask, options);
        assertThat(memory.relax(probes, mask, options)).isEqualTo(once);
        // Probe 0 alone is probe 0 of the batch.
        assertThat(memory.relax(probes.slice(0, 1), mask, options).row(0)).containsExactly(once.row(0));
        // Replacing the other probes leaves each probe's result unchanged.
        for (int i = 0; i < probes.size(); i++) {
            float[] mixed = randomStates(probes.size(), 31, random).copyValues();
            System.arraycopy(probes.values(), i * 31, mixed, i * 31, 31);
            StateBatch other = memory.relax(new StateBatch(probes.size(), 31, mixed), mask, options);
            assertThat(other.row(i)).as("probe %d", i).containsExactly(once.row(i));
        }
        for (int i = 0; i < probes.size(); i++) {
            for (int u = 0; u < 31; u++) {
                if (!mask.contains(u)) {
                    assertThat(once.get(i, u)).isEqualTo(probes.get(i, u));
                }
            }
        }
    }

    @Test
    void storedPatternsAtLowLoadAreFixedPointsAndRecalledFromNoisyProbes() {
        SplittableRandom random = new SplittableRandom(2024);
        StateBatch patterns = randomStates(5, 100, random);
        DenseBipolarMemory memory = DenseBipolarMemory.storing(patterns, new RectifiedPolynomialInteraction(3), 1.0);
        UnitMask all = UnitMask.all(100);
        assertThat(memory.relax(patterns, all, ONE_SYNC_STEP)).isEqualTo(patterns);
        StateBatch noisy = Fixtures.flip(patterns, 0.1, random);
        assertThat(noisy).isNotEqualTo(patterns);
        assertThat(memory.relax(noisy, all, RelaxOptions.DEFAULT)).isEqualTo(patterns);
        assertThat(memory.relax(noisy, all, new RelaxOptions(UpdateMode.ASYNCHRONOUS, 10, 4))).isEqualTo(patterns);
    }

    @Test
    void relaxDoesNotModifyTheProbes() {
        SplittableRandom random = new SplittableRandom(3);
        DenseBipolarMemory memory = randomMemory(3, 9, new PolynomialInteraction(3), 1.0, 1, random);
        StateBatch probes = randomStates(2, 9, random);
        float[] before = probes.copyValues();
        memory.relax(probes, UnitMask.all(9), RelaxOptions.DEFAULT);
        memory.relax(probes, UnitMask.all(9), new RelaxOptions(UpdateMode.ASYNCHRONOUS, 5, 1));
        assertThat(probes.values()).containsExactly(before);
    }

    @Test
    void copyIsIndependentAndStoreReplacesTheMemories() {
        SplittableRandom random = new SplittableRandom(4);
        DenseBipolarMemory memory = randomMemory(2, 4, new PolynomialInteraction(3), 0.7, 2, random);
        DenseBipolarMemory copy = (DenseBipolarMemory) memory.copy();
        assertThat(copy.parameters()).containsExactly(memory.parameters());
        assertThat(copy.temperature()).isEqualTo(0.7);
        assertThat(copy.errorPower()).isEqualTo(2);
        copy.setParameters(new float[8]);
        copy.setTemperature(2.0);
        assertThat(memory.parameters()).isNotEqualTo(new float[8]);
        assertThat(memory.temperature()).isEqualTo(0.7);

        StateBatch patterns = randomStates(2, 4, random);
        memory.store(patterns);
        assertThat(memory.parameters()).containsExactly(patterns.values());
        assertThatThrownBy(() -> memory.store(randomStates(3, 4, random))).isInstanceOf(IllegalArgumentException.class);
        float[] p = memory.parameters();
        p[0] = 0.123f;
        assertThat(memory.parameters()[0]).isNotEqualTo(0.123f);
    }

    @Test
    void rejectsMismatchedDimensions() {
        DenseBipolarMemory memory = randomMemory(2, 4, new PolynomialInteraction(3), 1, 1, new SplittableRandom(1));
        assertThatThrownBy(() -> memory.energy(randomStates(1, 5, new SplittableRandom(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.unitDrives(randomStates(1, 4, new SplittableRandom(1)), UnitMask.all(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> memory.lossGradient(randomStates(1, 4, new SplittableRandom(1)), UnitMask.all(4),
                new float[7])).isInstanceOf(IllegalArgumentException.class);
    }
}
