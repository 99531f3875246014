package dev.damsel.tasks.mnist;

import dev.damsel.core.random.Permutations;
import dev.damsel.api.ConfigException;
import dev.damsel.tasks.data.DataPaths;
import dev.damsel.tasks.data.Digits;
import dev.damsel.tasks.data.Mnist;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The training and test images an MNIST suite uses, drawn once per suite from its seed. From the {@code digits-10k}
 * pool: a seeded shuffle of the pool, the first {@code train} images for training and the next {@code test} for
 * testing (disjoint). From the {@code full} set: a seeded shuffle of each official part, the first {@code train}
 * training and the first {@code test} test images.
 *
 * @param train the training images, in their shuffled order
 * @param test  the test images, disjoint from {@code train}
 */
public record MnistSplit(Digits train, Digits test) {

    /** The folder a suite reads: {@code dataFolder}, or the cache's {@code mnist/} when it is empty. */
    public static Path folder(String dataFolder) {
        return dataFolder == null || dataFolder.isBlank() ? DataPaths.mnist() : Path.of(dataFolder);
    }

    /**
     * Draws the split. Asking for more images than the source holds is a {@link ConfigException} on
     * {@code tasks.<trainField>} or {@code tasks.<testField>}.
     */
    public static MnistSplit draw(Mnist.Data data, int train, int test, SplittableRandom random, String trainField,
                                  String testField) {
        if (data.test() == null) {
            Digits pool = data.pool();
            if ((long) train + test > pool.count()) {
                throw new ConfigException(trainField, "+ " + testField + " must be <= " + pool.count()
                        + ", the images of source " + data.source().id() + " (got " + train + " + " + test + ")")
                        .under("tasks");
            }
            int[] order = Permutations.shuffled(pool.count(), random);
            return new MnistSplit(pool.select(slice(order, 0, train)), pool.select(slice(order, train, train + test)));
        }
        check(trainField, train, data.pool(), data.source());
        check(testField, test, data.test(), data.source());
        int[] trainOrder = Permutations.shuffled(data.pool().count(), random);
        int[] testOrder = Permutations.shuffled(data.test().count(), random);
        return new MnistSplit(data.pool().select(slice(trainOrder, 0, train)),
                data.test().select(slice(testOrder, 0, test)));
    }

    private static void check(String field, int wanted, Digits part, Mnist.Source source) {
        if (wanted > part.count()) {
            throw new ConfigException(field, "must be <= " + part.count() + ", the images of that part of source "
                    + source.id() + " (got " + wanted + ")").under("tasks");
        }
    }

    private static int[] slice(int[] order, int from, int to) {
        return java.util.Arrays.copyOfRange(order, from, to);
    }
}
