package dev.damsel.tasks.mnist;

import dev.damsel.api.ConfigException;
import dev.damsel.api.Task;
import dev.damsel.api.TaskSequence;
import dev.damsel.api.plugin.TaskSuiteFactory;
import dev.damsel.tasks.classifier.ClassificationTask;
import dev.damsel.tasks.classifier.ClassifierEncoding;
import dev.damsel.tasks.data.Digits;
import dev.damsel.tasks.data.Mnist;
import dev.damsel.tasks.order.TaskOrder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The {@code split-mnist} suite: tasks {@code split-0-1}, {@code split-2-3}, … each a {@link ClassificationTask} on the
 * training and test images of its digits, over N = 784 + 10 units with one label unit per digit.
 *
 * <p>Scores: {@link dev.damsel.api.TaskScore#accuracy()} is class-incremental, the argmax over the label units of
 * every digit seen so far — the task's own and those of every task trained before the evaluation (one shared head,
 * van de Ven, Tuytelaars &amp; Tolias 2022); {@code details.taskIncremental} is task-incremental, the argmax over the
 * task's own digits only.
 *
 * <p>Randomness: one split draws the images ({@link MnistSplit}), one more orders the tasks ({@link TaskOrder}).
 */
public final class SplitMnistFactory implements TaskSuiteFactory<SplitMnistConfig> {
    public static final String ID = "split-mnist";
    /** The detail key of the task-incremental accuracy. */
    public static final String TASK_INCREMENTAL = "taskIncremental";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<SplitMnistConfig> configType() {
        return SplitMnistConfig.class;
    }

    @Override
    public SplitMnistConfig defaults() {
        return SplitMnistConfig.DEFAULTS;
    }

    @Override
    public TaskSequence create(SplitMnistConfig config, SplittableRandom random) {
        Mnist.Data data = Mnist.load(MnistSplit.folder(config.dataFolder()), config.mnistSource());
        MnistSplit split = MnistSplit.draw(data, config.trainImages(), config.testImages(), random.split(),
                "trainImages", "testImages");
        int classes = split.train().classes();
        int[] all = IntStream.range(0, classes).toArray();
        int per = config.classesPerTask();

        List<Task> tasks = new ArrayList<>(config.tasks());
        for (int t = 0; t < config.tasks(); t++) {
            int[] own = IntStream.range(t * per, (t + 1) * per).toArray();
            String name = "split-" + String.join("-", Arrays.stream(own).mapToObj(Integer::toString).toList());
            Digits train = ofClasses(split.train(), own, name, "trainImages");
            Digits test = ofClasses(split.test(), own, name, "testImages");
            int[] labels = IntStream.range(0, test.count()).map(test::label).toArray();
            tasks.add(new ClassificationTask(name,
                    ClassifierEncoding.items(train, null, config.pixelThreshold()),
                    ClassifierEncoding.queries(test, null, config.pixelThreshold()),
                    labels, classes, all, Map.of(TASK_INCREMENTAL, own), own));
        }
        int dimension = split.train().pixels() + classes;
        return new TaskSequence(ID, dimension, TaskOrder.arrange(tasks, config.shuffleOrder(), random.split()));
    }

    private static Digits ofClasses(Digits digits, int[] own, String task, String field) {
        int[] rows = IntStream.range(0, digits.count())
                .filter(i -> Arrays.stream(own).anyMatch(c -> c == digits.label(i)))
                .toArray();
        if (rows.length == 0) {
            throw new ConfigException(field, "is too small: task " + task + " got no image (got "
                    + digits.count() + " images in all)").under("tasks");
        }
        return digits.select(rows);
    }
}
