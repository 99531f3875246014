package dev.damsel.core.training;

import dev.damsel.api.ConfigException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainingConfigTest {

    @Test
    void defaults() {
        assertThat(TrainingConfig.DEFAULTS).isEqualTo(new TrainingConfig(100, 0, 0.1, 1.0, 0.6, 1.0, 1.0));
    }

    @Test
    void temperatureMovesLinearlyFromFirstToLastEpoch() {
        TrainingConfig config = new TrainingConfig(5, 0, 0.1, 1.0, 0.6, 1.0, 0.2);
        assertThat(config.temperatureAt(0)).isEqualTo(1.0);
        assertThat(config.temperatureAt(2)).isCloseTo(0.6, within(1e-15));
        assertThat(config.temperatureAt(4)).isEqualTo(0.2);
        assertThat(new TrainingConfig(1, 0, 0.1, 1.0, 0.6, 3.0, 0.2).temperatureAt(0)).isEqualTo(3.0);
    }

    @Test
    void outOfRangeValuesNameTheirField() {
        expectField(() -> new TrainingConfig(0, 0, 0.1, 1, 0.6, 1, 1), "epochs");
        expectField(() -> new TrainingConfig(1, -1, 0.1, 1, 0.6, 1, 1), "batchSize");
        expectField(() -> new TrainingConfig(1, 0, 0, 1, 0.6, 1, 1), "learningRate");
        expectField(() -> new TrainingConfig(1, 0, 0.1, 0, 0.6, 1, 1), "learningRateDecay");
        expectField(() -> new TrainingConfig(1, 0, 0.1, 1.01, 0.6, 1, 1), "learningRateDecay");
        expectField(() -> new TrainingConfig(1, 0, 0.1, 1, 1.0, 1, 1), "momentum");
        expectField(() -> new TrainingConfig(1, 0, 0.1, 1, -0.1, 1, 1), "momentum");
        expectField(() -> new TrainingConfig(1, 0, 0.1, 1, 0.6, 0, 1), "temperatureStart");
        expectField(() -> new TrainingConfig(1, 0, 0.1, 1, 0.6, 1, Double.NaN), "temperatureEnd");
    }

    private static void expectField(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).field()).isEqualTo(field));
    }
}
