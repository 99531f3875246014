package dev.damsel.tasks.classifier;

import dev.damsel.api.StateBatch;
import dev.damsel.api.TaskScore;
import dev.damsel.api.UnitMask;
import dev.damsel.tasks.data.Digits;
import dev.damsel.tasks.fakes.TemplateMemory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ClassificationTaskTest {
    // three classes over four pixels; class c lights pixel c (and class 2 also pixel 3)
    private static final float[] T0 = {1, -1, -1, -1};
    private static final float[] T1 = {-1, 1, -1, -1};
    private static final float[] T2 = {-1, -1, 1, 1};

    /** Pixels as bytes: 255 where the template is +1, 0 elsewhere; labels as given. */
    private static Digits digits(int[] labels, float[]... images) {
        byte[] pixels = new byte[images.length * 4];
        byte[] lab = new byte[images.length];
        for (int i = 0; i < images.length; i++) {
            for (int k = 0; k < 4; k++) {
                pixels[i * 4 + k] = (byte) (images[i][k] > 0 ? 255 : 0);
            }
            lab[i] = (byte) labels[i];
        }
        return new Digits(4, 3, pixels, lab);
    }

    private static ClassificationTask task(Digits test, int[] candidates, Map<String, int[]> variants) {
        int[] labels = new int[test.count()];
        java.util.Arrays.setAll(labels, test::label);
        return new ClassificationTask("t", ClassifierEncoding.items(test, null, 0.5),
                ClassifierEncoding.queries(test, null, 0.5), labels, 3, candidates, variants);
    }

    @Test
    void encodesPixelsThenOneHotLabelsAndQueriesWithLabelsOff() {
        Digits d = digits(new int[] {2}, T2);

        assertThat(ClassifierEncoding.items(d, null, 0.5).row(0)).containsExactly(-1, -1, 1, 1, -1, -1, 1);
        assertThat(ClassifierEncoding.queries(d, null, 0.5).row(0)).containsExactly(-1, -1, 1, 1, -1, -1, -1);
        // unit k holds pixel π(k)
        assertThat(ClassifierEncoding.items(d, new int[] {3, 0, 1, 2}, 0.5).row(0))
                .containsExactly(1, -1, -1, 1, -1, -1, 1);
        assertThat(ClassifierEncoding.labelMask(4, 3)).isEqualTo(UnitMask.range(7, 4, 7));
    }

    @Test
    void thresholdIsPixelOver255AtLeastTheKnob() {
        Digits d = new Digits(4, 1, new byte[] {(byte) 127, (byte) 128, 0, (byte) 255}, new byte[] {0});

        assertThat(ClassifierEncoding.queries(d, null, 0.5).row(0)).containsExactly(-1, 1, -1, 1, -1);
        assertThat(ClassifierEncoding.queries(d, null, 0.0).row(0)).containsExactly(1, 1, 1, 1, -1);
    }

    @Test
    void scoresTheArgmaxOfTheLabelDrivesOfQueriesWithLabelsOff() {
        Digits test = digits(new int[] {0, 1, 2, 1}, T0, T1, T2, T0);  // the last one is labelled wrongly on purpose
        TemplateMemory memory = new TemplateMemory(T0, T1, T2);

        ClassificationTask task = task(test, new int[] {0, 1, 2}, Map.of());
        TaskScore score = task.evaluate(memory);

        assertThat(score.accuracy()).isCloseTo(0.75, within(1e-12));
        assertThat(score.details()).isEmpty();
        assertThat(task.predict(memory)).containsExactly(0, 1, 2, 0);
        assertThat(memory.lastMask()).isEqualTo(UnitMask.range(7, 4, 7));
        assertThat(memory.labelsWereOff()).isTrue();
        assertThat(task.trainingMask()).isEqualTo(UnitMask.range(7, 4, 7));
    }

    @Test
    void restrictedArgmaxesGoIntoTheDetails() {
        // an image of class 1 that looks more like class 0: wrong over {0,1,2}, right over {1,2}
        float[] oneLikeZero = {1, 1, -1, -1};
        TemplateMemory memory = new TemplateMemory(new float[] {1, 1, -1, -1}, T1, T2);
        Digits test = digits(new int[] {1}, oneLikeZero);

        TaskScore score = task(test, new int[] {0, 1, 2}, Map.of("taskIncremental", new int[] {1, 2})).evaluate(memory);

        assertThat(score.accuracy()).isZero();
        assertThat(score.details()).containsEntry("taskIncremental", 1.0);
    }

    @Test
    void classIncrementalScoringRunsOverTheClassesSeenSoFar() {
        // an image of class 1 that the memory finds most like class 0: wrong once class 0 has been seen
        TemplateMemory memory = new TemplateMemory(new float[] {1, 1, -1, -1}, T1, T2);
        Digits test = digits(new int[] {1}, new float[] {1, 1, -1, -1});
        int[] labels = {1};
        ClassificationTask first = new ClassificationTask("first", ClassifierEncoding.items(test, null, 0.5),
                ClassifierEncoding.queries(test, null, 0.5), labels, 3, new int[] {0, 1, 2}, Map.of(), new int[] {0});
        ClassificationTask second = new ClassificationTask("second", ClassifierEncoding.items(test, null, 0.5),
                ClassifierEncoding.queries(test, null, 0.5), labels, 3, new int[] {0, 1, 2}, Map.of(),
                new int[] {1, 2});

        assertThat(second.evaluate(memory, List.of()).accuracy()).as("own classes only").isEqualTo(1.0);
        assertThat(second.evaluate(memory, List.of(second)).accuracy()).isEqualTo(1.0);
        assertThat(second.evaluate(memory, List.of(first, second)).accuracy()).as("class 0 now seen").isZero();
        assertThat(second.evaluate(memory).accuracy()).as("without context: every candidate").isZero();
    }

    @Test
    void tiesGoToTheLowestCandidate() {
        TemplateMemory memory = new TemplateMemory(T0, T0, T0);
        Digits test = digits(new int[] {1, 0}, T1, T1);

        assertThat(task(test, new int[] {2, 1}, Map.of()).evaluate(memory).accuracy()).isEqualTo(0.5);
    }

    @Test
    void manyQueriesAreScoredInChunks() {
        int count = 2500;
        float[][] images = new float[count][];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 3;
            images[i] = new float[][] {T0, T1, T2}[labels[i]];
        }
        TemplateMemory memory = new TemplateMemory(T0, T1, T2);

        assertThat(task(digits(labels, images), new int[] {0, 1, 2}, Map.of()).evaluate(memory).accuracy()).isEqualTo(1.0);
        assertThat(memory.calls()).isEqualTo(3);
    }

    @Test
    void refusesInconsistentInput() {
        StateBatch items = ClassifierEncoding.items(digits(new int[] {0}, T0), null, 0.5);
        assertThatThrownBy(() -> new ClassificationTask("t", items, items, new int[] {0, 1}, 3, new int[] {0}, Map.of()))
                .hasMessageContaining("one label per query");
        assertThatThrownBy(() -> new ClassificationTask("t", items, items, new int[] {0}, 3, new int[] {3}, Map.of()))
                .hasMessageContaining("class 3 is not in [0, 3)");
        assertThatThrownBy(() -> task(digits(new int[] {0}, T0), new int[] {0}, Map.of())
                .evaluate(new TemplateMemory(new float[5], new float[5], new float[5])))
                .hasMessageContaining("dimension 7, the memory 8");
    }
}
