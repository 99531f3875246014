package dev.damsel.tasks.mnist;

import dev.damsel.api.ConfigException;
import dev.damsel.tasks.data.DataPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MnistConfigsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        assertThat(PermutedMnistConfig.DEFAULTS)
                .isEqualTo(new PermutedMnistConfig(5, 8000, 2000, true, 0.5, "digits-10k", "", false));
        assertThat(SplitMnistConfig.DEFAULTS).isEqualTo(new SplitMnistConfig(2, 8000, 2000, 0.5, "digits-10k", "", false));
        assertThat(SplitMnistConfig.DEFAULTS.tasks()).isEqualTo(5);
        assertThat(new PermutedMnistFactory().defaults()).isEqualTo(PermutedMnistConfig.DEFAULTS);
        assertThat(new SplitMnistFactory().defaults()).isEqualTo(SplitMnistConfig.DEFAULTS);
    }

    @Test
    void anEmptyDataFolderMeansTheCache() {
        assertThat(MnistSplit.folder("")).isEqualTo(DataPaths.mnist());
        assertThat(MnistSplit.folder("/x/y")).isEqualTo(Path.of("/x/y"));
    }

    @Test
    void theFullSourceAllowsItsOwnSizes() {
        assertThat(new PermutedMnistConfig(5, 60000, 10000, true, 0.5, "full", "", false).trainPerTask()).isEqualTo(60000);
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                arguments("tasks", (Supplier<?>) () -> new PermutedMnistConfig(0, 10, 10, true, 0.5, "digits-10k", "", false)),
                arguments("trainPerTask", (Supplier<?>) () -> new PermutedMnistConfig(1, 0, 10, true, 0.5, "digits-10k", "", false)),
                arguments("testPerTask", (Supplier<?>) () -> new PermutedMnistConfig(1, 10, 0, true, 0.5, "digits-10k", "", false)),
                arguments("trainPerTask", (Supplier<?>) () -> new PermutedMnistConfig(1, 9000, 2000, true, 0.5, "digits-10k", "", false)),
                arguments("testPerTask", (Supplier<?>) () -> new PermutedMnistConfig(1, 10, 20000, true, 0.5, "full", "", false)),
                arguments("pixelThreshold", (Supplier<?>) () -> new PermutedMnistConfig(1, 10, 10, true, 1.5, "digits-10k", "", false)),
                arguments("source", (Supplier<?>) () -> new PermutedMnistConfig(1, 10, 10, true, 0.5, "emnist", "", false)),
                arguments("dataFolder", (Supplier<?>) () -> new PermutedMnistConfig(1, 10, 10, true, 0.5, "digits-10k", null, false)),
                arguments("classesPerTask", (Supplier<?>) () -> new SplitMnistConfig(3, 10, 10, 0.5, "digits-10k", "", false)),
                arguments("classesPerTask", (Supplier<?>) () -> new SplitMnistConfig(0, 10, 10, 0.5, "digits-10k", "", false)),
                arguments("trainImages", (Supplier<?>) () -> new SplitMnistConfig(2, 9999, 2, 0.5, "digits-10k", "", false)),
                arguments("testImages", (Supplier<?>) () -> new SplitMnistConfig(2, 10, 0, 0.5, "digits-10k", "", false)),
                arguments("pixelThreshold", (Supplier<?>) () -> new SplitMnistConfig(2, 10, 10, Double.NaN, "digits-10k", "", false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void badValuesNameTheirField(String field, Supplier<?> config) {
        assertThatThrownBy(config::get).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
