package dev.damsel.core.memory;

import dev.damsel.api.ConfigException;
import dev.damsel.core.interaction.RectifiedPolynomialInteraction;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DenseBipolarMemoryFactoryTest {
    private final DenseBipolarMemoryFactory factory = new DenseBipolarMemoryFactory();

    @Test
    void defaults() {
        assertThat(factory.id()).isEqualTo("dense-bipolar");
        assertThat(factory.configType()).isEqualTo(DenseBipolarMemoryConfig.class);
        assertThat(factory.defaults()).isEqualTo(new DenseBipolarMemoryConfig(32, 0.0, 0.1, 1, 1.0, "item"))
                .isSameAs(DenseBipolarMemoryConfig.DEFAULTS);
    }

    @Test
    void drawsGaussianMemoriesClampedToTheUnitInterval() {
        DenseBipolarMemoryConfig config = new DenseBipolarMemoryConfig(40, 0.2, 0.1, 2, 0.5, "item");
        DenseBipolarMemory memory = factory.create(config, new RectifiedPolynomialInteraction(3), 50,
                new SplittableRandom(1));
        assertThat(memory.layout().blocks()).isEqualTo(40);
        assertThat(memory.dimension()).isEqualTo(50);
        assertThat(memory.temperature()).isEqualTo(0.5);
        assertThat(memory.errorPower()).isEqualTo(2);
        float[] xi = memory.parameters();
        double mean = 0;
        double square = 0;
        for (float v : xi) {
            mean += v;
            square += (double) v * v;
        }
        mean /= xi.length;
        double std = Math.sqrt(square / xi.length - mean * mean);
        assertThat(mean).isCloseTo(0.2, within(0.01));
        assertThat(std).isCloseTo(0.1, within(0.01));

        DenseBipolarMemory wide = factory.create(new DenseBipolarMemoryConfig(10, 0.9, 1.0, 1, 1.0, "item"),
                new RectifiedPolynomialInteraction(3), 20, new SplittableRandom(2));
        float lowest = 1f;
        float highest = -1f;
        for (float v : wide.parameters()) {
            lowest = Math.min(lowest, v);
            highest = Math.max(highest, v);
        }
        assertThat(lowest).isEqualTo(-1f);
        assertThat(highest).isEqualTo(1f);
    }

    @Test
    void sameSeedSameMemory() {
        DenseBipolarMemory a = factory.create(DenseBipolarMemoryConfig.DEFAULTS, new RectifiedPolynomialInteraction(3),
                17, new SplittableRandom(42));
        DenseBipolarMemory b = factory.create(DenseBipolarMemoryConfig.DEFAULTS, new RectifiedPolynomialInteraction(3),
                17, new SplittableRandom(42));
        assertThat(a.parameters()).containsExactly(b.parameters());
    }

    @Test
    void outOfRangeValuesNameTheirField() {
        expectField(() -> new DenseBipolarMemoryConfig(0, 0, 0.1, 1, 1, "item"), "memories");
        expectField(() -> new DenseBipolarMemoryConfig(1, 1.5, 0.1, 1, 1, "item"), "initMean");
        expectField(() -> new DenseBipolarMemoryConfig(1, Double.NaN, 0.1, 1, 1, "item"), "initMean");
        expectField(() -> new DenseBipolarMemoryConfig(1, 0, -0.1, 1, 1, "item"), "initStd");
        expectField(() -> new DenseBipolarMemoryConfig(1, 0, 0.1, 0, 1, "item"), "errorPower");
        expectField(() -> new DenseBipolarMemoryConfig(1, 0, 0.1, 51, 1, "item"), "errorPower");
        expectField(() -> new DenseBipolarMemoryConfig(1, 0, 0.1, 1, 0, "item"), "temperature");
        expectField(() -> new DenseBipolarMemoryConfig(1, 0, 0.1, 1, Double.POSITIVE_INFINITY, "item"), "temperature");
        expectField(() -> new DenseBipolarMemoryConfig(1, 0, 0.1, 1, 1, "sideways"), "lossContext");
    }

    static void expectField(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).field()).isEqualTo(field))
                .hasMessageStartingWith(field + " ");
    }
}
