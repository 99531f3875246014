package dev.damsel.tasks.mnist;

import dev.damsel.api.ConfigException;
import dev.damsel.api.Require;
import dev.damsel.tasks.data.Mnist;

/** Checks shared by the MNIST suites' configs. */
final class MnistSource {
    private MnistSource() {
    }

    static Mnist.Source parse(String source) {
        Mnist.Source s = Mnist.Source.byId(source);
        if (s == null) {
            throw new ConfigException("source", "must be one of " + String.join(", ", Mnist.Source.ids()) + " (got "
                    + (source == null ? "nothing" : "\"" + source + "\"") + ")");
        }
        return s;
    }

    static void checkCommon(String source, String dataFolder, double pixelThreshold) {
        parse(source);
        Require.present("dataFolder", dataFolder);
        Require.closed("pixelThreshold", pixelThreshold, 0.0, 1.0);
    }

    /** The training and test sizes must fit the source: 10000 in all for digits-10k, 60000 and 10000 for full. */
    static void checkSizes(String source, String trainField, long train, String testField, long test) {
        if (parse(source) == Mnist.Source.DIGITS_10K) {
            if (train + test > 10_000) {
                throw new ConfigException(trainField, "+ " + testField + " must be <= 10000, the digits of source"
                        + " digits-10k (got " + train + " + " + test + ")");
            }
        } else {
            Require.inRange(trainField, train, 1, 60_000);
            Require.inRange(testField, test, 1, 10_000);
        }
    }
}
