package dev.damsel.core.memory;

import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;
import dev.damsel.api.UpdateMode;
import dev.damsel.core.interaction.PolynomialInteraction;
import dev.damsel.core.memory.StepPhases.Phase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.damsel.core.memory.Fixtures.randomStates;
import static org.assertj.core.api.Assertions.assertThat;

class StepPhasesTest {
    private static final RelaxOptions ONE_STEP = new RelaxOptions(UpdateMode.SYNCHRONOUS, 1, 0L);

    @AfterEach
    void off() {
        StepPhases.disable();
    }

    /**
     * Enabled, the two-product step counts its probes and times every phase of the 16-bit path; disabled, it adds
     * nothing; and the timing changes no result.
     */
    @Test
    void theStepTimesItsPhasesOnlyWhileEnabledAndStepsAlike() {
        SplittableRandom random = new SplittableRandom(41);
        int n = 128;
        StateBatch patterns = randomStates(300, n, random);
        DenseBipolarMemory memory = DenseBipolarMemory.storing(patterns, new PolynomialInteraction(3), 1.0);
        StateBatch probes = Fixtures.flip(patterns.select(new int[]{3, 7, 11, 19, 23}), 0.1, random);
        UnitMask all = UnitMask.all(n);
        StateBatch untimed = memory.relax(probes, all, ONE_STEP);

        StepPhases.enable();
        StateBatch timed = memory.relax(probes, all, ONE_STEP);
        memory.relax(probes, all, ONE_STEP);
        StepPhases.disable();
        StepPhases.Totals totals = StepPhases.totals();
        assertThat(timed.values()).isEqualTo(untimed.values());
        assertThat(totals.probes()).isEqualTo(2 * probes.size());
        for (Phase phase : Phase.values()) {
            assertThat(totals.nanos().get(phase)).as("%s", phase).isPositive();
            assertThat(totals.nanosPerProbe(phase)).isEqualTo(totals.nanos().get(phase) / 10.0);
        }

        memory.relax(probes, all, ONE_STEP);
        assertThat(StepPhases.totals()).as("disabled").isEqualTo(totals);
        StepPhases.enable();
        assertThat(StepPhases.totals().probes()).as("enabling starts afresh").isZero();
        assertThat(StepPhases.totals().nanosPerProbe(Phase.PACK)).isZero();
    }
}
