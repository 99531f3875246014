package dev.damsel.core.vector;

/**
 * Float thresholds for double comparisons: for a float d and a double t, {@code d > t} exactly when d is at least
 * {@link #smallestAbove}(t), and {@code d < t} exactly when d is at most {@link #largestBelow}(t). The sign updates
 * compare float lanes with these instead of converting every drive to double.
 */
final class FloatThresholds {
    private FloatThresholds() {
    }

    /** The smallest float f with {@code f > t} in double; NaN when there is none (t NaN or +∞). */
    static float smallestAbove(double t) {
        if (Double.isNaN(t) || t == Double.POSITIVE_INFINITY) {
            return Float.NaN;
        }
        float f = (float) t;
        return f > t ? f : Math.nextUp(f);
    }

    /** The largest float f with {@code f < t} in double; NaN when there is none (t NaN or −∞). */
    static float largestBelow(double t) {
        return -smallestAbove(-t);
    }
}
