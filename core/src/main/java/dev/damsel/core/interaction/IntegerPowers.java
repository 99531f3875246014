package dev.damsel.core.interaction;

/** Integer powers in double by repeated squaring: exact-as-multiplication, no {@code Math.pow} in hot loops. */
public final class IntegerPowers {
    private IntegerPowers() {
    }

    /** {@code x^n} for {@code n >= 0} ({@code x^0 = 1}) by binary exponentiation: at most 2·log2(n) multiplications. */
    public static double pow(double x, int n) {
        double result = 1.0;
        double base = x;
        int e = n;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= base;
            }
            e >>>= 1;
            if (e > 0) {
                base *= base;
            }
        }
        return result;
    }
}
