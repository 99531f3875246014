package dev.damsel.tasks.mnist;

import dev.damsel.api.Require;
import dev.damsel.tasks.data.Mnist;

/**
 * Configuration of the {@code permuted-mnist} suite (Goodfellow et al. 2013; for dense associative memories
 * McAlister et al. 2024): T classification tasks on the same images, each under its own fixed random pixel
 * permutation, with shared labels.
 *
 * @param tasks          T, ≥ 1; default 5
 * @param trainPerTask   training images (the same ones in every task), ≥ 1; default 8000
 * @param testPerTask    test images, disjoint from the training images, ≥ 1; default 2000. From {@code digits-10k},
 *                       trainPerTask + testPerTask ≤ 10000; from {@code full}, ≤ 60000 and ≤ 10000
 * @param identityFirst  task 1 keeps the pixels in their place (plain MNIST); default {@code true}
 * @param pixelThreshold a pixel p becomes +1 when p/255 ≥ this, else −1, in [0, 1]; default 0.5
 * @param source         {@code digits-10k} (the 10,000 digits of {@code damsel data fetch mnist}; default) or
 *                       {@code full} (the 70,000 of {@code damsel data fetch mnist --from DIR})
 * @param dataFolder     the folder with the MNIST files; default {@code ""}: {@code $DAMSEL_DATA/mnist}, else
 *                       {@code ~/.cache/damsel/mnist}
 * @param shuffleOrder   train the tasks in a seeded random order; default {@code false}
 */
public record PermutedMnistConfig(int tasks, int trainPerTask, int testPerTask, boolean identityFirst,
                                  double pixelThreshold, String source, String dataFolder, boolean shuffleOrder) {

    public static final PermutedMnistConfig DEFAULTS =
            new PermutedMnistConfig(5, 8000, 2000, true, 0.5, "digits-10k", "", false);

    public PermutedMnistConfig {
        Require.atLeast("tasks", tasks, 1);
        Require.atLeast("trainPerTask", trainPerTask, 1);
        Require.atLeast("testPerTask", testPerTask, 1);
        MnistSource.checkCommon(source, dataFolder, pixelThreshold);
        MnistSource.checkSizes(source, "trainPerTask", trainPerTask, "testPerTask", testPerTask);
    }

    public Mnist.Source mnistSource() {
        return MnistSource.parse(source);
    }
}
