package dev.damsel.reports.metrics;

import dev.damsel.api.AccuracyMatrix;
import dev.damsel.api.Metric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {
    private static final double EPS = 1e-12;

    /*
     * R = | 0.9 0.2 0.1 |   b = (0.1, 0.1, 0.0)   a* = (0.95, 0.9, 1.0)
     *     | 0.7 0.8 0.3 |
     *     | 0.5 0.6 1.0 |
     * ACC = (0.5 + 0.6 + 1.0)/3                                   = 2.1/3  = 0.7
     * BWT = ((0.5 − 0.9) + (0.6 − 0.8))/2                         = −0.6/2 = −0.3
     * FWT = ((R01 − b1) + (R12 − b2))/2 = ((0.2 − 0.1) + (0.3 − 0.0))/2 = 0.4/2 = 0.2
     * F:  f0 = max(0.9, 0.7) − 0.5 = 0.4; f1 = max(0.2, 0.8) − 0.6 = 0.2; F = 0.6/2 = 0.3
     * I = ((0.95 − 0.9) + (0.9 − 0.8) + (1.0 − 1.0))/3             = 0.15/3 = 0.05
     */
    private static final AccuracyMatrix THREE = new AccuracyMatrix(
            new double[][] {{0.9, 0.2, 0.1}, {0.7, 0.8, 0.3}, {0.5, 0.6, 1.0}},
            new double[] {0.1, 0.1, 0.0},
            new double[] {0.95, 0.9, 1.0});

    /*
     * R = | 0.8 0.1 0.0 0.2 |   b = (0.0, 0.2, 0.1, 0.1)   no a*
     *     | 0.9 0.7 0.2 0.1 |
     *     | 0.6 0.9 0.5 0.3 |
     *     | 0.4 0.5 0.6 1.0 |
     * ACC = (0.4 + 0.5 + 0.6 + 1.0)/4                                 = 2.5/4  = 0.625
     * BWT = ((0.4 − 0.8) + (0.5 − 0.7) + (0.6 − 0.5))/3                = −0.5/3 = −0.1666…
     * FWT = ((0.1 − 0.2) + (0.2 − 0.1) + (0.3 − 0.1))/3                = 0.2/3  = 0.0666…
     * F:  f0 = max(0.8, 0.9, 0.6) − 0.4 = 0.5   (best score after task 1, not when learned)
     *     f1 = max(0.1, 0.7, 0.9) − 0.5 = 0.4   (best after task 2)
     *     f2 = max(0.0, 0.2, 0.5) − 0.6 = −0.1  (task 2 improved at the end)
     *     F = (0.5 + 0.4 − 0.1)/3 = 0.8/3 = 0.2666…   (≥ −BWT = 0.1666…)
     * I = NaN (no a*); with a* = (1, 1, 1, 1): ((1 − 0.8) + (1 − 0.7) + (1 − 0.5) + (1 − 1.0))/4 = 1.0/4 = 0.25
     */
    private static final AccuracyMatrix FOUR = new AccuracyMatrix(
            new double[][] {{0.8, 0.1, 0.0, 0.2}, {0.9, 0.7, 0.2, 0.1}, {0.6, 0.9, 0.5, 0.3}, {0.4, 0.5, 0.6, 1.0}},
            new double[] {0.0, 0.2, 0.1, 0.1});

    /* One task: R = (0.6), b = (0.1), a* = (0.9). ACC = 0.6; BWT, FWT, F undefined; I = 0.9 − 0.6 = 0.3. */
    private static final AccuracyMatrix ONE = new AccuracyMatrix(new double[][] {{0.6}}, new double[] {0.1},
            new double[] {0.9});

    @Test
    void averageAccuracy() {
        Metric acc = new AverageAccuracy();
        assertThat(acc.compute(THREE)).isCloseTo(0.7, within(EPS));
        assertThat(acc.compute(FOUR)).isCloseTo(0.625, within(EPS));
        assertThat(acc.compute(ONE)).isCloseTo(0.6, within(EPS));
    }

    @Test
    void backwardTransfer() {
        Metric bwt = new BackwardTransfer();
        assertThat(bwt.compute(THREE)).isCloseTo(-0.3, within(EPS));
        assertThat(bwt.compute(FOUR)).isCloseTo(-0.5 / 3, within(EPS));
        assertThat(bwt.compute(ONE)).isNaN();
    }

    @Test
    void forwardTransfer() {
        Metric fwt = new ForwardTransfer();
        assertThat(fwt.compute(THREE)).isCloseTo(0.2, within(EPS));
        assertThat(fwt.compute(FOUR)).isCloseTo(0.2 / 3, within(EPS));
        assertThat(fwt.compute(ONE)).isNaN();
    }

    @Test
    void forgettingTakesTheBestEarlierScore() {
        Metric forgetting = new Forgetting();
        assertThat(forgetting.compute(THREE)).isCloseTo(0.3, within(EPS));
        assertThat(forgetting.compute(FOUR)).isCloseTo(0.8 / 3, within(EPS));
        assertThat(forgetting.compute(FOUR)).isGreaterThanOrEqualTo(-new BackwardTransfer().compute(FOUR));
        assertThat(forgetting.compute(ONE)).isNaN();
    }

    @Test
    void intransigenceNeedsAJointReference() {
        Metric intransigence = new Intransigence();
        assertThat(intransigence.compute(THREE)).isCloseTo(0.05, within(EPS));
        assertThat(intransigence.compute(FOUR)).isNaN();
        assertThat(intransigence.compute(FOUR.withAStar(new double[] {1, 1, 1, 1}))).isCloseTo(0.25, within(EPS));
        assertThat(intransigence.compute(ONE)).isCloseTo(0.3, within(EPS));
    }

    @Test
    void aLearnerThatKeepsOnlyTheLastTaskForgetsEverything() {
        // R = identity, b = 0: each task is learned perfectly and lost entirely at the next one.
        // ACC = 1/3; BWT = ((0 − 1) + (0 − 1))/2 = −1; F = ((1 − 0) + (1 − 0))/2 = 1; FWT = ((0 − 0) + (0 − 0))/2 = 0
        AccuracyMatrix perfect = new AccuracyMatrix(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
                new double[3]);
        assertThat(new AverageAccuracy().compute(perfect)).isCloseTo(1.0 / 3, within(EPS));
        assertThat(new BackwardTransfer().compute(perfect)).isCloseTo(-1.0, within(EPS));
        assertThat(new Forgetting().compute(perfect)).isCloseTo(1.0, within(EPS));
        assertThat(new ForwardTransfer().compute(perfect)).isCloseTo(0.0, within(EPS));
    }

    @Test
    void standardListsTheMetricsInReportOrderWithDistinctFormulas() {
        assertThat(Metrics.standard()).extracting(Metric::id)
                .containsExactly("acc", "bwt.gem", "fwt.gem", "forgetting.maxPrev", "intransigence");
        assertThat(Metrics.standard()).extracting(Metric::formula).doesNotHaveDuplicates().allSatisfy(
                f -> assertThat(f).isNotBlank());
    }
}
