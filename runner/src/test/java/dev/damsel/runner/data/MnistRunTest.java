package dev.damsel.runner.data;

import dev.damsel.tasks.data.Idx;
import dev.damsel.tasks.data.IdxArray;
import dev.damsel.tasks.data.Mnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** End-to-end: {@code damsel run} of the MNIST suites on a tiny hand-made digits folder, and their bad input. */
class MnistRunTest {
    @TempDir
    Path dir;

    private Path digitsFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("mnist"));
        SplittableRandom random = new SplittableRandom(3);
        int count = 60;
        byte[] images = new byte[count * Mnist.PIXELS];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
            for (int k = 0; k < Mnist.PIXELS; k++) {
                images[i * Mnist.PIXELS + k] = (byte) (k / 78 == i % 10 ? 255 : random.nextInt(100));
            }
        }
        Idx.write(new IdxArray(new int[] {count, 28, 28}, images), folder.resolve(Mnist.DIGITS_IMAGES));
        Idx.write(new IdxArray(new int[] {count}, labels), folder.resolve(Mnist.DIGITS_LABELS));
        return folder;
    }

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("run.yaml"), yaml);
    }

    @Test
    void runsATinyPermutedSuiteAndPrintsItsMatrix() throws IOException {
        Path data = digitsFolder();
        Path config = config("""
                tasks: {type: permuted-mnist, tasks: 2, trainPerTask: 40, testPerTask: 20, dataFolder: "%s"}
                memory: {memories: 8}
                training: {epochs: 2, batchSize: 10}
                """.formatted(data));

        FetchCommandTest.Outcome outcome = FetchCommandTest.run("run", "--config", config.toString(), "--out",
                dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("permuted-1").contains("permuted-2").contains("after permuted-2");
        assertThat(dir.resolve("out").resolve("result.json")).exists();
    }

    @Test
    void runsATinySplitSuite() throws IOException {
        Path data = digitsFolder();
        Path config = config("""
                tasks: {type: split-mnist, classesPerTask: 5, trainImages: 40, testImages: 20, dataFolder: "%s"}
                memory: {memories: 8}
                training: {epochs: 1}
                """.formatted(data));

        FetchCommandTest.Outcome outcome = FetchCommandTest.run("run", "--config", config.toString(), "--out",
                dir.resolve("out").toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("split-0-1-2-3-4").contains("split-5-6-7-8-9");
    }

    @Test
    void aMissingDatasetIsOneLineTellingWhatToRunAndWritesNothing() throws IOException {
        Path config = config("tasks: {type: permuted-mnist, dataFolder: \"" + dir.resolve("none") + "\"}\n");

        FetchCommandTest.Outcome outcome = FetchCommandTest.run("run", "--config", config.toString(), "--out",
                dir.resolve("out").toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().strip().lines()).hasSize(1);
        assertThat(outcome.err()).startsWith("damsel: no MNIST data in").contains("run 'damsel data fetch mnist'");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void moreImagesThanTheFolderHoldsNamesTheField() throws IOException {
        Path data = digitsFolder();
        Path config = config("tasks: {type: permuted-mnist, trainPerTask: 50, testPerTask: 20, dataFolder: \"" + data
                + "\"}\n");

        FetchCommandTest.Outcome outcome = FetchCommandTest.run("run", "--config", config.toString(), "--out",
                dir.resolve("out").toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().strip()).isEqualTo("damsel: config: tasks.trainPerTask + testPerTask must be <= 60,"
                + " the images of source digits-10k (got 50 + 20)");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void badSuiteValuesAreConfigErrors() throws IOException {
        for (String[] c : new String[][] {
                {"tasks: {type: permuted-mnist, trainPerTask: 9000}", "tasks.trainPerTask + testPerTask must be <= 10000"},
                {"tasks: {type: split-mnist, classesPerTask: 3}", "tasks.classesPerTask must be one of 1, 2, 5, 10"},
                {"tasks: {type: permuted-mnist, source: svhn}", "tasks.source must be one of digits-10k, full"},
                {"tasks: {type: correlated, dimension: 8, patterns: 3, tasks: 1, minDistance: 6}", "tasks.minDistance"},
                {"tasks: {type: prototype, exampleNoise: 0.7}", "tasks.exampleNoise must be in [0.0, 0.5]"}}) {
            FetchCommandTest.Outcome outcome = FetchCommandTest.run("run", "--config", config(c[0] + "\n").toString(),
                    "--out", dir.resolve("out").toString());
            assertThat(outcome.exitCode()).as(c[0]).isEqualTo(2);
            assertThat(outcome.err().strip().lines()).hasSize(1);
            assertThat(outcome.err()).as(c[0]).contains(c[1]);
        }
    }
}
