package dev.damsel.tasks.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MnistTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheDigitsPool() throws IOException {
        Digits written = MnistFixtures.digits(3, 1);
        MnistFixtures.writeDigits10k(dir, written);

        Mnist.Data data = Mnist.load(dir, Mnist.Source.DIGITS_10K);

        assertThat(data.pool()).isEqualTo(written);
        assertThat(data.test()).isNull();
        assertThat(data.pool().classCounts()).containsOnly(3);
    }

    @Test
    void loadsTheFullSetFromGzippedOrPlainFiles() throws IOException {
        Digits train = MnistFixtures.digits(2, 1);
        Digits test = MnistFixtures.digits(1, 2);
        MnistFixtures.write(dir, Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, train);
        MnistFixtures.write(dir, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, test);

        Mnist.Data data = Mnist.load(dir, Mnist.Source.FULL);

        assertThat(data.pool()).isEqualTo(train);
        assertThat(data.test()).isEqualTo(test);
        assertThat(data.all().count()).isEqualTo(30);
    }

    @Test
    void aMissingFolderTellsWhatToRun() {
        assertThatThrownBy(() -> Mnist.load(dir.resolve("nothing"), Mnist.Source.DIGITS_10K))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("no MNIST data in")
                .hasMessageEndingWith("run 'damsel data fetch mnist'");
    }

    @Test
    void aCorruptFileTellsWhatToRun() throws IOException {
        MnistFixtures.writeDigits10k(dir, MnistFixtures.digits(2, 1));
        Path images = dir.resolve(Mnist.DIGITS_IMAGES);
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, java.util.Arrays.copyOf(bytes, bytes.length - 100));

        assertThatThrownBy(() -> Mnist.load(dir, Mnist.Source.DIGITS_10K))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("truncated")
                .hasMessageEndingWith("run 'damsel data fetch mnist'");
    }

    @Test
    void wrongImageSizeOrLabelCountOrLabelValue() throws IOException {
        Idx.write(new IdxArray(new int[] {2, 4, 4}, new byte[32]), dir.resolve(Mnist.DIGITS_IMAGES));
        Idx.write(new IdxArray(new int[] {2}, new byte[2]), dir.resolve(Mnist.DIGITS_LABELS));
        assertThatThrownBy(() -> Mnist.load(dir, Mnist.Source.DIGITS_10K)).hasMessageContaining("expected nx28x28");

        Idx.write(new IdxArray(new int[] {2, 28, 28}, new byte[2 * 784]), dir.resolve(Mnist.DIGITS_IMAGES));
        Idx.write(new IdxArray(new int[] {3}, new byte[3]), dir.resolve(Mnist.DIGITS_LABELS));
        assertThatThrownBy(() -> Mnist.load(dir, Mnist.Source.DIGITS_10K)).hasMessageContaining("3 labels for the 2 images");

        Idx.write(new IdxArray(new int[] {2}, new byte[] {3, 10}), dir.resolve(Mnist.DIGITS_LABELS));
        assertThatThrownBy(() -> Mnist.load(dir, Mnist.Source.DIGITS_10K))
                .hasMessageContaining("label 10 of item 1 is not a digit in [0, 9]");
    }

    @Test
    void theCacheIsDamselDataOrElseUnderHome() {
        assertThat(DataPaths.cacheRoot(Map.of("DAMSEL_DATA", "/data/d"), "/home/u")).isEqualTo(Path.of("/data/d"));
        assertThat(DataPaths.cacheRoot(Map.of("DAMSEL_DATA", " "), "/home/u")).isEqualTo(Path.of("/home/u/.cache/damsel"));
        assertThat(DataPaths.cacheRoot(Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.cache/damsel"));
    }
}
