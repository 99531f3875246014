package dev.damsel.tasks.retrieval;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BitFlipsTest {

    @Test
    void countRoundsHalvesUp() {
        assertThat(BitFlips.count(0.1, 64)).isEqualTo(6);   // 6.4
        assertThat(BitFlips.count(0.25, 10)).isEqualTo(3);  // 2.5
        assertThat(BitFlips.count(0.0, 64)).isZero();
        assertThat(BitFlips.count(0.99, 1)).isEqualTo(1);   // 0.99
    }

    @Test
    void flipsExactlyTheRequestedNumberOfDistinctUnits() {
        SplittableRandom random = new SplittableRandom(3);
        for (int flips = 0; flips <= 13; flips++) {
            float[] state = new float[13];
            java.util.Arrays.fill(state, 1f);
            BitFlips.flip(state, flips, random);
            int flipped = 0;
            for (float v : state) {
                flipped += v < 0 ? 1 : 0;
            }
            assertThat(flipped).isEqualTo(flips);
        }
    }

    @Test
    void everyUnitIsFlippedAboutEquallyOften() {
        // 4000 draws of 2 of 8 units: each unit is expected 1000 times (sd ≈ 29)
        SplittableRandom random = new SplittableRandom(11);
        int[] counts = new int[8];
        for (int draw = 0; draw < 4000; draw++) {
            float[] state = {1, 1, 1, 1, 1, 1, 1, 1};
            BitFlips.flip(state, 2, random);
            for (int i = 0; i < 8; i++) {
                counts[i] += state[i] < 0 ? 1 : 0;
            }
        }
        assertThat(java.util.Arrays.stream(counts).boxed()).allSatisfy(c -> assertThat(c).isBetween(850, 1150));
    }

    @Test
    void rejectsMoreFlipsThanUnits() {
        assertThatThrownBy(() -> BitFlips.flip(new float[3], 4, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
