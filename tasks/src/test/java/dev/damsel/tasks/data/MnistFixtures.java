package dev.damsel.tasks.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Small hand-made MNIST folders for tests: {@code perClass} images of 28×28 of each digit 0..9, labels in class order
 * 0,1,…,9,0,1,…; image pixels are random with a class-dependent bright block so that classes differ.
 */
public final class MnistFixtures {
    private MnistFixtures() {
    }

    public static Digits digits(int perClass, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int count = perClass * Mnist.CLASSES;
        byte[] images = new byte[count * Mnist.PIXELS];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = i % Mnist.CLASSES;
            labels[i] = (byte) label;
            for (int k = 0; k < Mnist.PIXELS; k++) {
                boolean block = k / 78 == label;
                images[i * Mnist.PIXELS + k] = (byte) (block ? 200 + random.nextInt(56) : random.nextInt(140));
            }
        }
        return new Digits(Mnist.PIXELS, Mnist.CLASSES, images, labels);
    }

    /** Writes {@code digits} as the {@code digits-10k} files into {@code folder}. */
    public static void writeDigits10k(Path folder, Digits digits) throws IOException {
        write(folder, Mnist.DIGITS_IMAGES, Mnist.DIGITS_LABELS, digits);
    }

    public static void write(Path folder, String imagesName, String labelsName, Digits digits) throws IOException {
        byte[] images = new byte[digits.count() * Mnist.PIXELS];
        byte[] labels = new byte[digits.count()];
        for (int i = 0; i < digits.count(); i++) {
            labels[i] = (byte) digits.label(i);
            for (int k = 0; k < Mnist.PIXELS; k++) {
                images[i * Mnist.PIXELS + k] = (byte) digits.pixel(i, k);
            }
        }
        java.nio.file.Files.createDirectories(folder);
        Idx.write(new IdxArray(new int[] {digits.count(), Mnist.ROWS, Mnist.COLUMNS}, images), folder.resolve(imagesName));
        Idx.write(new IdxArray(new int[] {digits.count()}, labels), folder.resolve(labelsName));
    }
}
