package dev.damsel.tasks.mnist;

import dev.damsel.core.random.Permutations;
import dev.damsel.api.Task;
import dev.damsel.api.TaskSequence;
import dev.damsel.api.plugin.TaskSuiteFactory;
import dev.damsel.tasks.classifier.ClassificationTask;
import dev.damsel.tasks.classifier.ClassifierEncoding;
import dev.damsel.tasks.data.Mnist;
import dev.damsel.tasks.order.TaskOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The {@code permuted-mnist} suite: {@code permuted-1} … {@code permuted-T}, {@link ClassificationTask}s over
 * N = 784 + 10 units whose pixels are permuted by a fixed random permutation per task (task 1 by the identity when
 * {@code identityFirst}), scored by test accuracy with the argmax over all ten classes. Every task uses the same
 * training and test images, so tasks differ only in their permutation.
 *
 * <p>Randomness, in a fixed order: one split of the given stream draws the images ({@link MnistSplit}); then one split
 * per task draws its permutation (also for an identity task, so the other tasks do not depend on the knob); then one
 * split orders the tasks ({@link TaskOrder}).
 */
public final class PermutedMnistFactory implements TaskSuiteFactory<PermutedMnistConfig> {
    public static final String ID = "permuted-mnist";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<PermutedMnistConfig> configType() {
        return PermutedMnistConfig.class;
    }

    @Override
    public PermutedMnistConfig defaults() {
        return PermutedMnistConfig.DEFAULTS;
    }

    @Override
    public TaskSequence create(PermutedMnistConfig config, SplittableRandom random) {
        Mnist.Data data = Mnist.load(MnistSplit.folder(config.dataFolder()), config.mnistSource());
        MnistSplit split = MnistSplit.draw(data, config.trainPerTask(), config.testPerTask(), random.split(),
                "trainPerTask", "testPerTask");
        int pixels = split.train().pixels();
        int classes = split.train().classes();
        int[] all = new int[classes];
        java.util.Arrays.setAll(all, c -> c);
        int[] labels = new int[split.test().count()];
        java.util.Arrays.setAll(labels, i -> split.test().label(i));

        List<Task> tasks = new ArrayList<>(config.tasks());
        for (int t = 0; t < config.tasks(); t++) {
            int[] permutation = Permutations.shuffled(pixels, random.split());
            if (t == 0 && config.identityFirst()) {
                java.util.Arrays.setAll(permutation, k -> k);
            }
            tasks.add(new ClassificationTask("permuted-" + (t + 1),
                    ClassifierEncoding.items(split.train(), permutation, config.pixelThreshold()),
                    ClassifierEncoding.queries(split.test(), permutation, config.pixelThreshold()),
                    labels, classes, all, Map.of()));
        }
        return new TaskSequence(ID, pixels + classes, TaskOrder.arrange(tasks, config.shuffleOrder(), random.split()));
    }
}
