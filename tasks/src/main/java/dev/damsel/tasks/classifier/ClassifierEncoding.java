package dev.damsel.tasks.classifier;

import dev.damsel.api.StateBatch;
import dev.damsel.api.UnitMask;
import dev.damsel.tasks.data.Digits;

/**
 * How labelled images become states of a dense associative memory used as a classifier (Krotov &amp; Hopfield 2016,
 * section 3; McAlister et al. 2024): N = P + C units, the P pixels binarised to ±1 followed by C label units holding
 * the class one-hot in ±1 (+1 at the class, −1 elsewhere).
 *
 * <p>A pixel p ∈ [0, 255] becomes +1 when p ≥ threshold·255 and −1 otherwise; with the default threshold 0.5 that is
 * p ≥ 128, i.e. a pixel value v = p/255 ≥ 0.5 in the [0, 1] scale. An optional permutation π rearranges the pixels:
 * unit k holds pixel π(k) (permuted MNIST).
 *
 * <p>A query (the state a prediction starts from) has the pixels clamped and every label unit at −1.
 */
public final class ClassifierEncoding {
    private ClassifierEncoding() {
    }

    /** The label units of a classifier over {@code pixels} pixels and {@code classes} classes: the last C units. */
    public static UnitMask labelMask(int pixels, int classes) {
        return UnitMask.range(pixels + classes, pixels, pixels + classes);
    }

    /** Training items: binarised (permuted) pixels and the one-hot label. */
    public static StateBatch items(Digits digits, int[] permutation, double threshold) {
        return encode(digits, permutation, threshold, true);
    }

    /** Queries: binarised (permuted) pixels and every label unit at −1. */
    public static StateBatch queries(Digits digits, int[] permutation, double threshold) {
        return encode(digits, permutation, threshold, false);
    }

    private static StateBatch encode(Digits digits, int[] permutation, double threshold, boolean withLabel) {
        int p = digits.pixels();
        int c = digits.classes();
        int n = p + c;
        if (permutation != null && permutation.length != p) {
            throw new IllegalArgumentException("a permutation of " + p + " pixels needs " + p + " entries, got "
                    + permutation.length);
        }
        double cut = threshold * 255;
        float[] values = new float[digits.count() * n];
        for (int image = 0; image < digits.count(); image++) {
            int row = image * n;
            for (int k = 0; k < p; k++) {
                int source = permutation == null ? k : permutation[k];
                values[row + k] = digits.pixel(image, source) >= cut ? 1f : -1f;
            }
            int label = digits.label(image);
            for (int j = 0; j < c; j++) {
                values[row + p + j] = withLabel && j == label ? 1f : -1f;
            }
        }
        return new StateBatch(digits.count(), n, values);
    }
}
