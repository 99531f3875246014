package dev.damsel.core.training;

import dev.damsel.api.ParameterLayout;
import dev.damsel.api.StateBatch;
import dev.damsel.core.interaction.PolynomialInteraction;
import dev.damsel.core.memory.DenseBipolarMemory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormalisedMomentumTest {

    @Test
    void normalisesEachMemoryByItsLargestEntryAndClamps() {
        DenseBipolarMemory memory = DenseBipolarMemory.storing(
                StateBatch.of(2, new float[]{0.5f, 0.95f}, new float[]{0f, 0f}, new float[]{0.2f, -0.2f}),
                new PolynomialInteraction(2), 1.0);
        NormalisedMomentum optimiser = new NormalisedMomentum(new ParameterLayout(3, 2), 0.5);

        optimiser.step(memory, new float[]{2f, -4f, 0f, 0f, 1e-3f, 0f}, 0.1);
        // Block 0: max 4, step (0.05, −0.1); block 1: zero gradient; block 2: max 1e−3, step (0.1, 0).
        assertThat(memory.parameters()).containsExactly(new float[]{0.45f, 1f, 0f, 0f, 0.1f, -0.2f}, within(1e-6f));

        optimiser.step(memory, new float[]{0f, 0f, 3f, 0f, 0f, 0f}, 0.1);
        // Momentum: G = 0.5·(2, −4, 0, 0, 1e−3, 0) + (0, 0, 3, 0, 0, 0) = (1, −2, 3, 0, 5e−4, 0).
        // Block 0: max 2, step (0.05, −0.1), then clamped; block 1: (0.1, 0); block 2: (0.1, 0).
        assertThat(memory.parameters()).containsExactly(new float[]{0.4f, 1f, -0.1f, 0f, 0f, -0.2f}, within(1e-6f));

        optimiser.reset();
        optimiser.step(memory, new float[]{0f, 0f, 0f, 0f, 0f, 1f}, 0.1);
        assertThat(memory.parameters()).containsExactly(new float[]{0.4f, 1f, -0.1f, 0f, 0f, -0.3f}, within(1e-6f));
    }
}
