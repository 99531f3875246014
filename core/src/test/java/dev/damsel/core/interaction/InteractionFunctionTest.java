package dev.damsel.core.interaction;

import dev.damsel.api.ConfigException;
import dev.damsel.api.InteractionFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InteractionFunctionTest {
    private static final double[] POINTS = {-1.0, -0.73, -0.2, -1e-3, 0.0, 1e-3, 0.31, 0.5, 0.99, 1.0};

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 7, 20, 31, 60})
    void integerPowersMatchMathPow(int n) {
        for (double x : POINTS) {
            double expected = Math.pow(x, n);
            assertThat(IntegerPowers.pow(x, n)).isCloseTo(expected, within(1e-14 * Math.max(1, Math.abs(expected))));
        }
        assertThat(IntegerPowers.pow(0.3, 0)).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8})
    void polynomialKinds(int n) {
        InteractionFunction poly = new PolynomialInteraction(n);
        InteractionFunction rect = new RectifiedPolynomialInteraction(n);
        InteractionFunction leaky = new LeakyRectifiedPolynomialInteraction(n);
        for (double x : POINTS) {
            assertThat(poly.value(x)).isCloseTo(Math.pow(x, n), within(1e-14));
            assertThat(poly.derivative(x)).isCloseTo(n * Math.pow(x, n - 1), within(1e-13));
            assertThat(rect.value(x)).isCloseTo(x > 0 ? Math.pow(x, n) : 0.0, within(1e-14));
            assertThat(rect.derivative(x)).isCloseTo(x > 0 ? n * Math.pow(x, n - 1) : 0.0, within(1e-13));
            assertThat(leaky.value(x)).isCloseTo(x > 0 ? Math.pow(x, n) : 0.01 * x, within(1e-14));
            assertThat(leaky.derivative(x)).isCloseTo(x > 0 ? n * Math.pow(x, n - 1) : 0.01, within(1e-13));
        }
        assertThat(List.of(poly.degree(), rect.degree(), leaky.degree())).containsOnly(n);
    }

    @Test
    void derivativesMatchFiniteDifferencesAwayFromTheKink() {
        List<InteractionFunction> all = List.of(new PolynomialInteraction(3), new RectifiedPolynomialInteraction(4),
                new LeakyRectifiedPolynomialInteraction(2), new ExponentialInteraction());
        double h = 1e-6;
        for (InteractionFunction f : all) {
            for (double x : new double[]{-0.8, -0.3, 0.25, 0.9}) {
                double fd = (f.value(x + h) - f.value(x - h)) / (2 * h);
                assertThat(f.derivative(x)).as("%s at %s", f, x).isCloseTo(fd, within(1e-7));
            }
        }
    }

    @Test
    void exponential() {
        InteractionFunction f = new ExponentialInteraction();
        assertThat(f.value(0.7)).isEqualTo(Math.exp(0.7));
        assertThat(f.derivative(-0.4)).isEqualTo(Math.exp(-0.4));
        assertThat(f.degree()).isZero();
        assertThat(f.id()).isEqualTo("exponential");
    }

    @Test
    void factoriesMakeTheirKindsFromConfigs() {
        assertThat(PolynomialInteractionFactory.POLYNOMIAL.create(new PolynomialConfig(5)))
                .isEqualTo(new PolynomialInteraction(5));
        assertThat(PolynomialInteractionFactory.RECTIFIED.create(PolynomialInteractionFactory.RECTIFIED.defaults()))
                .isEqualTo(new RectifiedPolynomialInteraction(3));
        assertThat(PolynomialInteractionFactory.LEAKY_RECTIFIED.create(new PolynomialConfig(2)).id())
                .isEqualTo("leaky-rectified-polynomial");
        assertThat(PolynomialInteractionFactory.LEAKY_RECTIFIED.configType()).isEqualTo(PolynomialConfig.class);
        ExponentialInteractionFactory exp = new ExponentialInteractionFactory();
        assertThat(exp.create(exp.defaults())).isEqualTo(new ExponentialInteraction());
        assertThat(exp.id()).isEqualTo("exponential");
        for (PolynomialInteractionFactory factory : List.of(PolynomialInteractionFactory.POLYNOMIAL,
                PolynomialInteractionFactory.RECTIFIED, PolynomialInteractionFactory.LEAKY_RECTIFIED)) {
            assertThat(factory.create(factory.defaults()).id()).isEqualTo(factory.id());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -3, 61})
    void degreeOutOfRangeIsAConfigError(int degree) {
        assertThatThrownBy(() -> new PolynomialConfig(degree))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).field()).isEqualTo("degree"));
        assertThatThrownBy(() -> new RectifiedPolynomialInteraction(degree)).isInstanceOf(ConfigException.class);
    }
}
