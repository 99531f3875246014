package dev.damsel.core.random;

import java.util.SplittableRandom;

/**
 * Standard normal draws from a {@link SplittableRandom}, which has no {@code nextGaussian()} in Java 17. Marsaglia's
 * polar form of the Box–Muller transform (Marsaglia &amp; Bray 1964); the second value of each pair is discarded so
 * that every draw depends on the stream alone, never on hidden cached state.
 */
public final class Gaussian {
    private Gaussian() {
    }

    /** One draw from N(0, 1). */
    public static double next(SplittableRandom random) {
        double u;
        double v;
        double s;
        do {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        return u * Math.sqrt(-2.0 * Math.log(s) / s);
    }

    /** One draw from N(mean, std²). */
    public static double next(SplittableRandom random, double mean, double std) {
        return mean + std * next(random);
    }
}
