package dev.damsel.tasks.data;

import java.util.Arrays;

/**
 * Labelled grey-scale images, MNIST-style: {@code count} images of {@code pixels} unsigned-byte pixels each (row-major,
 * image-major) and one label in [0, {@code classes}) per image. Immutable; use {@link #pixel} and {@link #label}.
 */
public final class Digits {
    private final int count;
    private final int pixels;
    private final int classes;
    private final byte[] images;
    private final byte[] labels;

    public Digits(int pixels, int classes, byte[] images, byte[] labels) {
        if (pixels < 1 || classes < 1 || classes > 256) {
            throw new IllegalArgumentException("digits need pixels >= 1 and classes in [1, 256], got " + pixels + ", "
                    + classes);
        }
        if (images.length != (long) labels.length * pixels) {
            throw new IllegalArgumentException(labels.length + " labels need " + (long) labels.length * pixels
                    + " pixels, got " + images.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xFF) >= classes) {
                throw new IllegalArgumentException("label " + (labels[i] & 0xFF) + " of image " + i
                        + " is not in [0, " + classes + ")");
            }
        }
        this.count = labels.length;
        this.pixels = pixels;
        this.classes = classes;
        this.images = images.clone();
        this.labels = labels.clone();
    }

    public int count() {
        return count;
    }

    /** Pixels per image. */
    public int pixels() {
        return pixels;
    }

    /** The number of classes labels are drawn from. */
    public int classes() {
        return classes;
    }

    /** Pixel {@code k} of image {@code image}, in [0, 255]. */
    public int pixel(int image, int k) {
        return images[image * pixels + k] & 0xFF;
    }

    public int label(int image) {
        return labels[image] & 0xFF;
    }

    /** How many images each class has. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (byte label : labels) {
            counts[label & 0xFF]++;
        }
        return counts;
    }

    /** The images with the given indices, in that order. */
    public Digits select(int[] indices) {
        byte[] outImages = new byte[indices.length * pixels];
        byte[] outLabels = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(images, indices[k] * pixels, outImages, k * pixels, pixels);
            outLabels[k] = labels[indices[k]];
        }
        return new Digits(pixels, classes, outImages, outLabels);
    }

    /** This set followed by {@code other}. */
    public Digits concat(Digits other) {
        if (other.pixels != pixels || other.classes != classes) {
            throw new IllegalArgumentException("cannot join digits of different shapes");
        }
        byte[] outImages = Arrays.copyOf(images, images.length + other.images.length);
        System.arraycopy(other.images, 0, outImages, images.length, other.images.length);
        byte[] outLabels = Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, outLabels, labels.length, other.labels.length);
        return new Digits(pixels, classes, outImages, outLabels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Digits d && d.pixels == pixels && d.classes == classes && Arrays.equals(d.images, images)
                && Arrays.equals(d.labels, labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(images) + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Digits[" + count + " images of " + pixels + " pixels, " + classes + " classes]";
    }
}
