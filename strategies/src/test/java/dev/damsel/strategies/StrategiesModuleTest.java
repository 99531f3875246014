package dev.damsel.strategies;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import dev.damsel.api.plugin.StrategyFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StrategiesModuleTest {
    @Test
    void bindsEveryStrategyUnderItsOwnId() {
        Map<String, StrategyFactory<?>> strategies = Guice.createInjector(new StrategiesModule())
                .getInstance(Key.get(new TypeLiteral<Map<String, StrategyFactory<?>>>() {
                }));
        assertThat(strategies).containsOnlyKeys("naive", "joint", "rehearsal", "pseudo-rehearsal", "ewc",
                "online-ewc", "si", "mas", "l2", "gem", "a-gem");
        strategies.forEach((id, factory) -> assertThat(factory.id()).isEqualTo(id));
    }
}
