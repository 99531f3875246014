package dev.damsel.tasks.retrieval;

import dev.damsel.api.RelaxOptions;
import dev.damsel.api.StateBatch;
import dev.damsel.api.TaskScore;
import dev.damsel.api.UnitMask;
import dev.damsel.api.UpdateMode;
import dev.damsel.tasks.fakes.IdentityMemory;
import dev.damsel.tasks.fakes.NearestPatternMemory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RetrievalTaskTest {
    private static final float[] A = {1, 1, 1, 1, 1, 1, 1, 1};
    private static final float[] B = {1, -1, 1, -1, 1, -1, 1, -1};
    private static final StateBatch PATTERNS = StateBatch.of(8, A, B);
    private static final RelaxOptions OPTIONS = new RelaxOptions(UpdateMode.ASYNCHRONOUS, 7, 42L);

    /** A and B with units 0 and 1 flipped: 2 of 8 units, ρ' = 0.25. */
    private static StateBatch twoFlipProbes() {
        float[] a = A.clone();
        float[] b = B.clone();
        for (float[] row : new float[][] {a, b}) {
            row[0] = -row[0];
            row[1] = -row[1];
        }
        return StateBatch.of(8, a, b);
    }

    @Test
    void identityMemoryRecallsNothingAndOverlapIsOneMinusTwiceTheNoise() {
        RetrievalTask task = RetrievalTask.autoassociative("t", PATTERNS, twoFlipProbes(), new int[] {0, 1}, OPTIONS);

        TaskScore score = task.evaluate(new IdentityMemory(8));

        // each probe: 6 agreeing units, 2 disagreeing, x·ξ = 6 − 2 = 4, |x·ξ|/N = 4/8 = 0.5 = 1 − 2·0.25
        assertThat(score.accuracy()).isEqualTo(0.0);
        assertThat(score.details()).containsOnlyKeys(RetrievalTask.MEAN_OVERLAP);
        assertThat(score.details().get(RetrievalTask.MEAN_OVERLAP)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void nearestPatternMemoryRecallsEveryProbe() {
        RetrievalTask task = RetrievalTask.autoassociative("t", PATTERNS, twoFlipProbes(), new int[] {0, 1}, OPTIONS);
        NearestPatternMemory memory = new NearestPatternMemory(PATTERNS);

        TaskScore score = task.evaluate(memory);

        assertThat(score.accuracy()).isEqualTo(1.0);
        assertThat(score.details().get(RetrievalTask.MEAN_OVERLAP)).isEqualTo(1.0);
        assertThat(memory.relaxCalls()).isEqualTo(1);
        assertThat(memory.lastMask()).isEqualTo(UnitMask.all(8));
        assertThat(memory.lastOptions()).isEqualTo(OPTIONS);
    }

    @Test
    void scoresEachProbeAgainstItsOwnTarget() {
        // probe 0 is A itself, probe 1 is A but claims target B: relaxed to A, it misses B
        StateBatch probes = StateBatch.of(8, A, A);
        RetrievalTask task = RetrievalTask.autoassociative("t", PATTERNS, probes, new int[] {0, 1}, OPTIONS);

        TaskScore score = task.evaluate(new NearestPatternMemory(PATTERNS));

        // A·A/8 = 1; A·B = 4 − 4 = 0; mean = (1 + 0)/2
        assertThat(score.accuracy()).isEqualTo(0.5);
        assertThat(score.details().get(RetrievalTask.MEAN_OVERLAP)).isEqualTo(0.5);
    }

    @Test
    void anInvertedPatternHasFullOverlapButIsNotRecalled() {
        float[] minusA = new float[8];
        java.util.Arrays.fill(minusA, -1f);
        RetrievalTask task = RetrievalTask.autoassociative("t", PATTERNS, StateBatch.of(8, minusA), new int[] {0},
                OPTIONS);

        TaskScore score = task.evaluate(new IdentityMemory(8));

        assertThat(score.accuracy()).isEqualTo(0.0);
        assertThat(score.details().get(RetrievalTask.MEAN_OVERLAP)).isEqualTo(1.0);
    }

    @Test
    void trainingItemsMayDifferFromTargets() {
        // prototypes learned from noisy examples: train on the examples, score against the prototypes
        StateBatch examples = twoFlipProbes();
        RetrievalTask task = new RetrievalTask("proto", examples, PATTERNS, twoFlipProbes(), new int[] {0, 1},
                OPTIONS);

        assertThat(task.trainingItems()).isEqualTo(examples);
        assertThat(task.targets()).isEqualTo(PATTERNS);
        assertThat(task.trainingMask()).isEqualTo(UnitMask.all(8));
        assertThat(task.dimension()).isEqualTo(8);
        assertThat(task.evaluate(new NearestPatternMemory(PATTERNS)).accuracy()).isEqualTo(1.0);
    }

    @Test
    void evaluationLeavesTheProbesUnchanged() {
        StateBatch probes = twoFlipProbes();
        float[] before = probes.copyValues();
        RetrievalTask task = RetrievalTask.autoassociative("t", PATTERNS, probes, new int[] {0, 1}, OPTIONS);

        task.evaluate(new NearestPatternMemory(PATTERNS));

        assertThat(task.probes().values()).containsExactly(before);
    }

    @Test
    void probeTargetsAreCopied() {
        int[] targets = {0, 1};
        RetrievalTask task = RetrievalTask.autoassociative("t", PATTERNS, twoFlipProbes(), targets, OPTIONS);
        targets[0] = 1;
        task.probeTargets()[1] = 0;

        assertThat(task.probeTargets()).containsExactly(0, 1);
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThatThrownBy(() -> RetrievalTask.autoassociative("t", PATTERNS, twoFlipProbes(), new int[] {0}, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 probes but 1 probe targets");
        assertThatThrownBy(() -> RetrievalTask.autoassociative("t", PATTERNS, twoFlipProbes(), new int[] {0, 2},
                OPTIONS)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probe 1 names target 2");
        assertThatThrownBy(() -> RetrievalTask.autoassociative("t", PATTERNS, StateBatch.of(4, new float[4]),
                new int[] {0}, OPTIONS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one dimension");
        assertThatThrownBy(() -> RetrievalTask.autoassociative("t", PATTERNS, StateBatch.empty(8), new int[0],
                OPTIONS)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    @Test
    void rejectsAMemoryOfAnotherDimension() {
        RetrievalTask task = RetrievalTask.autoassociative("t", PATTERNS, twoFlipProbes(), new int[] {0, 1}, OPTIONS);

        assertThatThrownBy(() -> task.evaluate(new IdentityMemory(9)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension 8");
    }
}
