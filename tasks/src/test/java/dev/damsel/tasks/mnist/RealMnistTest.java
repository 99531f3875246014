package dev.damsel.tasks.mnist;

import dev.damsel.api.TaskSequence;
import dev.damsel.tasks.classifier.ClassificationTask;
import dev.damsel.tasks.data.DataPaths;
import dev.damsel.tasks.data.Digits;
import dev.damsel.tasks.data.Mnist;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The MNIST suites on the real digits in the cache ({@code $DAMSEL_DATA/mnist}, else {@code ~/.cache/damsel/mnist}).
 * Skipped, with a message, when the digits have not been fetched; CI fetches them first.
 */
class RealMnistTest {
    private static final Path FOLDER = DataPaths.mnist();

    @BeforeAll
    static void needsTheData() {
        assumeTrue(Files.isRegularFile(FOLDER.resolve(Mnist.DIGITS_IMAGES)),
                "MNIST digits not in " + FOLDER + ": run './damsel data fetch mnist' to run these tests");
    }

    @Test
    void theCacheHoldsTheTenThousandDigitsOfTheNpmPackage() {
        Digits digits = Mnist.load(FOLDER, Mnist.Source.DIGITS_10K).pool();

        assertThat(digits.count()).isEqualTo(10_000);
        assertThat(digits.classCounts()).containsExactly(1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978);
        // a handwritten digit lights some but far from all of its pixels
        long lit = 0;
        for (int k = 0; k < 784; k++) {
            lit += digits.pixel(0, k) >= 128 ? 1 : 0;
        }
        assertThat(lit).isBetween(20L, 400L);
    }

    @Test
    void theDefaultPermutedSuiteIsMadeQuickly() {
        long start = System.nanoTime();
        TaskSequence s = new PermutedMnistFactory().create(PermutedMnistConfig.DEFAULTS, new SplittableRandom(1));

        assertThat(s.size()).isEqualTo(5);
        assertThat(s.get(0).trainingItems().size()).isEqualTo(8000);
        assertThat(((ClassificationTask) s.get(4)).queries().size()).isEqualTo(2000);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(20);
    }
}
