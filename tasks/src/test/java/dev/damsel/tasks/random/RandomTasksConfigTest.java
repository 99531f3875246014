package dev.damsel.tasks.random;

import dev.damsel.api.ConfigException;
import dev.damsel.api.UpdateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RandomTasksConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(RandomTasksConfig.DEFAULTS)
                .isEqualTo(new RandomTasksConfig(5, 10, 64, 0.1, 1, "synchronous", 100, false));
        assertThat(RandomTasksConfig.DEFAULTS.updateMode()).isEqualTo(UpdateMode.SYNCHRONOUS);
        assertThat(RandomTasksConfig.DEFAULTS.flips()).isEqualTo(6);
    }

    @Test
    void asynchronousUpdateMapsToItsMode() {
        assertThat(new RandomTasksConfig(1, 1, 8, 0, 1, "asynchronous", 1, false).updateMode())
                .isEqualTo(UpdateMode.ASYNCHRONOUS);
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                arguments("tasks", "must be >= 1 (got 0)",
                        (Supplier<?>) () -> new RandomTasksConfig(0, 10, 64, 0.1, 1, "synchronous", 100, false)),
                arguments("patterns", "must be >= 1 (got 0)",
                        (Supplier<?>) () -> new RandomTasksConfig(5, 0, 64, 0.1, 1, "synchronous", 100, false)),
                arguments("dimension", "must be >= 1 (got 0)",
                        (Supplier<?>) () -> new RandomTasksConfig(5, 10, 0, 0.1, 1, "synchronous", 100, false)),
                arguments("noise", "must be in [0.0, 1.0) (got 1.0)",
                        (Supplier<?>) () -> new RandomTasksConfig(5, 10, 64, 1.0, 1, "synchronous", 100, false)),
                arguments("noise", "must be in [0.0, 1.0) (got -0.1)",
                        (Supplier<?>) () -> new RandomTasksConfig(5, 10, 64, -0.1, 1, "synchronous", 100, false)),
                arguments("noise", "(got NaN)",
                        (Supplier<?>) () -> new RandomTasksConfig(5, 10, 64, Double.NaN, 1, "synchronous", 100, false)),
                arguments("probesPerPattern", "must be >= 1 (got 0)",
                        (Supplier<?>) () -> new RandomTasksConfig(5, 10, 64, 0.1, 0, "synchronous", 100, false)),
                arguments("update", "must be one of synchronous, asynchronous (got \"sideways\")",
                        (Supplier<?>) () -> new RandomTasksConfig(5, 10, 64, 0.1, 1, "sideways", 100, false)),
                arguments("update", "must be one of synchronous, asynchronous",
                        (Supplier<?>) () -> new RandomTasksConfig(5, 10, 64, 0.1, 1, null, 100, false)),
                arguments("maxIterations", "must be >= 1 (got 0)",
                        (Supplier<?>) () -> new RandomTasksConfig(5, 10, 64, 0.1, 1, "synchronous", 0, false)),
                // 2 tasks · 5 patterns = 10 > 2^3 = 8: at most 8/2 = 4 patterns per task
                arguments("patterns", "must be <= 4 for 2 tasks of dimension 3",
                        (Supplier<?>) () -> new RandomTasksConfig(2, 5, 3, 0.1, 1, "synchronous", 100, false)),
                arguments("probesPerPattern", "within one Java array",
                        (Supplier<?>) () -> new RandomTasksConfig(1, 1000, 1000, 0.1, 3000, "synchronous", 100, false)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badConfigs")
    void badFieldsThrowAConfigExceptionNamingTheField(String field, String problem, Supplier<?> config) {
        assertThatThrownBy(config::get)
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void exactlyAsManyPatternsAsExistIsAllowed() {
        assertThat(new RandomTasksConfig(2, 4, 3, 0.1, 1, "synchronous", 100, false).patterns()).isEqualTo(4);
    }

    @Test
    void largeDimensionsAreNotCountChecked() {
        assertThat(new RandomTasksConfig(1000, 1000, 62, 0.1, 1, "synchronous", 100, false).dimension()).isEqualTo(62);
    }
}
