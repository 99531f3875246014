package dev.damsel.tasks.mnist;

import dev.damsel.api.ConfigException;
import dev.damsel.api.Require;
import dev.damsel.tasks.data.Mnist;

/**
 * Configuration of the {@code split-mnist} suite (Zenke, Poole &amp; Ganguli 2017; the class-incremental scenario of
 * van de Ven, Tuytelaars &amp; Tolias 2022): the ten digits in consecutive groups, one task per group (0/1, 2/3, …).
 *
 * @param classesPerTask digits per task, one of 1, 2, 5, 10 (so the groups cover 0..9 exactly); default 2 (5 tasks)
 * @param trainImages    training images drawn for the whole suite, each task using those of its digits, ≥ 1;
 *                       default 8000
 * @param testImages     test images, disjoint from the training images, ≥ 1; default 2000. From {@code digits-10k},
 *                       trainImages + testImages ≤ 10000; from {@code full}, ≤ 60000 and ≤ 10000
 * @param pixelThreshold a pixel p becomes +1 when p/255 ≥ this, else −1, in [0, 1]; default 0.5
 * @param source         {@code digits-10k} (default) or {@code full}, as for {@code permuted-mnist}
 * @param dataFolder     the folder with the MNIST files; default {@code ""}: the cache's {@code mnist/}
 * @param shuffleOrder   train the tasks in a seeded random order; default {@code false}
 */
public record SplitMnistConfig(int classesPerTask, int trainImages, int testImages, double pixelThreshold,
                               String source, String dataFolder, boolean shuffleOrder) {

    public static final SplitMnistConfig DEFAULTS = new SplitMnistConfig(2, 8000, 2000, 0.5, "digits-10k", "", false);

    public SplitMnistConfig {
        if (classesPerTask < 1 || Mnist.CLASSES % classesPerTask != 0) {
            throw new ConfigException("classesPerTask", "must be one of 1, 2, 5, 10 (got " + classesPerTask + ")");
        }
        Require.atLeast("trainImages", trainImages, 1);
        Require.atLeast("testImages", testImages, 1);
        MnistSource.checkCommon(source, dataFolder, pixelThreshold);
        MnistSource.checkSizes(source, "trainImages", trainImages, "testImages", testImages);
    }

    public int tasks() {
        return Mnist.CLASSES / classesPerTask;
    }

    public Mnist.Source mnistSource() {
        return MnistSource.parse(source);
    }
}
