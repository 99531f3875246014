package dev.damsel.strategies.replay;

import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;
import dev.damsel.core.interaction.RectifiedPolynomialInteraction;
import dev.damsel.core.memory.DenseBipolarMemory;
import dev.damsel.strategies.Fakes;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PseudoItemsTest {
    private static final int N = 24;

    @Test
    void autoassociativePseudoItemsAreDistinctFixedPointsOfTheMemory() {
        SplittableRandom random = new SplittableRandom(4);
        StateBatch patterns = Fakes.states(6, N, random);
        DenseBipolarMemory memory = DenseBipolarMemory.storing(patterns, new RectifiedPolynomialInteraction(3), 0.3);
        UnitMask all = UnitMask.all(N);
        PseudoItems.Result result = new PseudoItems(5, false, true, 2000).make(memory, all, StateBatch.empty(N), random);

        StateBatch items = result.items();
        assertThat(items.size()).isEqualTo(5);
        assertThat(memory.relax(items, all, RelaxOptions.DEFAULT.singleStep())).isEqualTo(items);
        Set<List<Float>> distinct = new HashSet<>();
        for (int b = 0; b < items.size(); b++) {
            float[] row = items.row(b);
            List<Float> key = new java.util.ArrayList<>();
            for (float v : row) {
                key.add(v);
            }
            assertThat(distinct.add(key)).isTrue();
        }
    }

    @Test
    void rejectingLearnedItemsLeavesOnlyOtherAttractors() {
        SplittableRandom random = new SplittableRandom(5);
        StateBatch patterns = Fakes.states(3, N, random);
        DenseBipolarMemory memory = DenseBipolarMemory.storing(patterns, new RectifiedPolynomialInteraction(3), 0.3);
        PseudoItems.Result result = new PseudoItems(10, true, false, 300).make(memory, UnitMask.all(N), patterns, random);
        for (int b = 0; b < result.items().size(); b++) {
            for (int p = 0; p < patterns.size(); p++) {
                assertThat(result.items().row(b)).isNotEqualTo(patterns.row(p));
            }
        }
        assertThat(result.attempts()).isLessThanOrEqualTo(300);
    }

    @Test
    void classifierPseudoItemsCarryTheMemorysOwnLabel() {
        SplittableRandom random = new SplittableRandom(6);
        DenseBipolarMemory memory = Fakes.memory(5, N, 7);
        UnitMask labels = UnitMask.range(N, 20, 24);
        StateBatch items = new PseudoItems(8, false, false, 8).make(memory, labels, StateBatch.empty(N), random).items();
        assertThat(items.size()).isEqualTo(8);
        float[] context = items.copyValues();
        for (int b = 0; b < items.size(); b++) {
            for (int u = 20; u < 24; u++) {
                context[b * N + u] = -1f;
            }
        }
        double[] drives = memory.unitDrives(new StateBatch(items.size(), N, context), labels);
        for (int b = 0; b < items.size(); b++) {
            int best = 0;
            int ones = 0;
            for (int k = 0; k < 4; k++) {
                if (drives[b * 4 + k] > drives[b * 4 + best]) {
                    best = k;
                }
                ones += items.get(b, 20 + k) > 0 ? 1 : 0;
            }
            assertThat(ones).isEqualTo(1);
            assertThat(items.get(b, 20 + best)).isEqualTo(1f);
        }
    }
}
