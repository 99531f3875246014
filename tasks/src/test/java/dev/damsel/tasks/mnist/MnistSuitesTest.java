package dev.damsel.tasks.mnist;

import dev.damsel.api.ConfigException;
import dev.damsel.api.StateBatch;
import dev.damsel.api.Task;
import dev.damsel.api.TaskSequence;
import dev.damsel.tasks.classifier.ClassificationTask;
import dev.damsel.tasks.data.DatasetException;
import dev.damsel.tasks.data.MnistFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MNIST suites on a small hand-made folder of 20 images per digit. */
class MnistSuitesTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void writeData() throws IOException {
        MnistFixtures.writeDigits10k(dir, MnistFixtures.digits(20, 5));
    }

    private static TaskSequence permuted(int tasks, boolean identityFirst, boolean shuffle, long seed) {
        return new PermutedMnistFactory().create(
                new PermutedMnistConfig(tasks, 120, 60, identityFirst, 0.5, "digits-10k", dir.toString(), shuffle),
                new SplittableRandom(seed));
    }

    private static TaskSequence split(boolean shuffle, long seed) {
        return new SplitMnistFactory().create(
                new SplitMnistConfig(2, 150, 50, 0.5, "digits-10k", dir.toString(), shuffle), new SplittableRandom(seed));
    }

    private static ClassificationTask task(TaskSequence s, int k) {
        return (ClassificationTask) s.get(k);
    }

    /** The multiset of columns (one string per unit over all rows) of the first {@code units} units. */
    private static List<String> columns(StateBatch batch, int units) {
        List<String> columns = new ArrayList<>();
        for (int k = 0; k < units; k++) {
            StringBuilder c = new StringBuilder();
            for (int r = 0; r < batch.size(); r++) {
                c.append(batch.get(r, k) > 0 ? '1' : '0');
            }
            columns.add(c.toString());
        }
        columns.sort(null);
        return columns;
    }

    private static float[] labelUnits(StateBatch batch, int row) {
        return Arrays.copyOfRange(batch.row(row), 784, 794);
    }

    @Test
    void permutedTasksArePermutationsOfTheSameImagesWithTheSameLabels() {
        TaskSequence s = permuted(3, true, false, 1);

        assertThat(s.id()).isEqualTo("permuted-mnist");
        assertThat(s.dimension()).isEqualTo(794);
        assertThat(s.tasks()).extracting(Task::id).containsExactly("permuted-1", "permuted-2", "permuted-3");
        ClassificationTask first = task(s, 0);
        assertThat(first.trainingItems().size()).isEqualTo(120);
        assertThat(first.queries().size()).isEqualTo(60);
        for (int t = 1; t < 3; t++) {
            ClassificationTask other = task(s, t);
            // same images: the same multiset of pixel columns across all items, i.e. one permutation of all of them
            assertThat(columns(other.trainingItems(), 784)).isEqualTo(columns(first.trainingItems(), 784));
            assertThat(columns(other.queries(), 784)).isEqualTo(columns(first.queries(), 784));
            assertThat(other.testLabels()).isEqualTo(first.testLabels());
            for (int r = 0; r < 120; r++) {
                assertThat(labelUnits(other.trainingItems(), r)).isEqualTo(labelUnits(first.trainingItems(), r));
            }
            // …but a different permutation
            assertThat(other.trainingItems()).isNotEqualTo(first.trainingItems());
        }
        assertThat(first.trainingMask().units()).containsExactly(IntStream.range(784, 794).toArray());
        assertThat(first.candidates()).containsExactly(IntStream.range(0, 10).toArray());
    }

    @Test
    void identityFirstKeepsTheImageOfTaskOne() {
        ClassificationTask plain = task(permuted(2, true, false, 1), 0);
        ClassificationTask scrambled = task(permuted(2, false, false, 1), 0);
        ClassificationTask second = task(permuted(2, false, false, 1), 1);

        // the fixture lights pixels 78c..78c+77 for class c: the identity task keeps that block
        int label = IntStream.range(0, 10).filter(c -> plain.trainingItems().get(0, 784 + c) > 0).findFirst().orElseThrow();
        int lit = 0;
        for (int k = 78 * label; k < 78 * label + 78; k++) {
            lit += plain.trainingItems().get(0, k) > 0 ? 1 : 0;
        }
        assertThat(lit).isEqualTo(78);
        assertThat(scrambled.trainingItems()).isNotEqualTo(plain.trainingItems());
        // the knob changes task 1 only
        assertThat(task(permuted(2, true, false, 1), 1).trainingItems()).isEqualTo(second.trainingItems());
    }

    @Test
    void trainingAndTestImagesAreDisjoint() {
        ClassificationTask t = task(permuted(1, true, false, 3), 0);
        Set<String> train = new HashSet<>();
        for (int r = 0; r < t.trainingItems().size(); r++) {
            train.add(Arrays.toString(Arrays.copyOf(t.trainingItems().row(r), 784)));
        }
        for (int r = 0; r < t.queries().size(); r++) {
            assertThat(train).doesNotContain(Arrays.toString(Arrays.copyOf(t.queries().row(r), 784)));
            assertThat(labelUnits(t.queries(), r)).containsOnly(-1f);
        }
    }

    @Test
    void theSameSeedGivesTheSameSuiteAndAnotherSeedAnother() {
        for (int t = 0; t < 3; t++) {
            assertThat(task(permuted(3, true, false, 9), t).trainingItems())
                    .isEqualTo(task(permuted(3, true, false, 9), t).trainingItems());
            assertThat(task(permuted(3, true, false, 9), t).queries())
                    .isEqualTo(task(permuted(3, true, false, 9), t).queries());
            assertThat(task(permuted(3, true, false, 9), t).trainingItems())
                    .isNotEqualTo(task(permuted(3, true, false, 10), t).trainingItems());
        }
        for (int t = 0; t < 5; t++) {
            assertThat(task(split(false, 4), t).trainingItems()).isEqualTo(task(split(false, 4), t).trainingItems());
        }
    }

    @Test
    void splitTasksPartitionTheClasses() {
        TaskSequence s = split(false, 2);

        assertThat(s.tasks()).extracting(Task::id)
                .containsExactly("split-0-1", "split-2-3", "split-4-5", "split-6-7", "split-8-9");
        Set<Integer> seen = new HashSet<>();
        int trainTotal = 0;
        int testTotal = 0;
        for (int t = 0; t < 5; t++) {
            ClassificationTask task = task(s, t);
            Set<Integer> own = Set.of(2 * t, 2 * t + 1);
            for (int label : task.testLabels()) {
                assertThat(own).contains(label);
            }
            for (int r = 0; r < task.trainingItems().size(); r++) {
                float[] labels = labelUnits(task.trainingItems(), r);
                int label = IntStream.range(0, 10).filter(c -> labels[c] > 0).findFirst().orElseThrow();
                assertThat(own).contains(label);
                seen.add(label);
            }
            assertThat(task.candidates()).containsExactly(IntStream.range(0, 10).toArray());
            assertThat(task.variants().get(SplitMnistFactory.TASK_INCREMENTAL)).containsExactly(2 * t, 2 * t + 1);
            trainTotal += task.trainingItems().size();
            testTotal += task.queries().size();
        }
        assertThat(seen).hasSize(10);
        assertThat(trainTotal).isEqualTo(150);
        assertThat(testTotal).isEqualTo(50);
    }

    @Test
    void shuffleOrderReordersTheSameTasks() {
        TaskSequence plain = split(false, 6);
        TaskSequence shuffled = split(true, 6);

        assertThat(shuffled.tasks()).extracting(Task::id).containsExactlyInAnyOrderElementsOf(
                plain.tasks().stream().map(Task::id).toList());
        assertThat(shuffled.tasks()).extracting(Task::id).isNotEqualTo(plain.tasks().stream().map(Task::id).toList());
        for (Task t : shuffled.tasks()) {
            Task same = plain.tasks().stream().filter(p -> p.id().equals(t.id())).findFirst().orElseThrow();
            assertThat(t.trainingItems()).isEqualTo(same.trainingItems());
        }
    }

    @Test
    void askingForMoreImagesThanTheFolderHasNamesTheField() {
        PermutedMnistConfig config = new PermutedMnistConfig(1, 150, 100, true, 0.5, "digits-10k", dir.toString(), false);

        assertThatThrownBy(() -> new PermutedMnistFactory().create(config, new SplittableRandom(1)))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo("tasks.trainPerTask");
                    assertThat(e.getMessage()).contains("must be <= 200");
                });
    }

    @Test
    void aMissingDatasetTellsTheUserToFetchIt() {
        PermutedMnistConfig config = new PermutedMnistConfig(1, 10, 10, true, 0.5, "digits-10k",
                dir.resolve("absent").toString(), false);

        assertThatThrownBy(() -> new PermutedMnistFactory().create(config, new SplittableRandom(1)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("run 'damsel data fetch mnist'");
    }
}
