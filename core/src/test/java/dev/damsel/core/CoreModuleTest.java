package dev.damsel.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import dev.damsel.api.plugin.InteractionFactory;
import dev.damsel.api.plugin.MemoryFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class CoreModuleTest {

    @Test
    void bindsEveryPluginUnderItsId() {
        Injector injector = Guice.createInjector(new CoreModule());
        Map<String, InteractionFactory<?>> interactions =
                injector.getInstance(Key.get(new TypeLiteral<Map<String, InteractionFactory<?>>>() {
                }));
        Map<String, MemoryFactory<?>> memories =
                injector.getInstance(Key.get(new TypeLiteral<Map<String, MemoryFactory<?>>>() {
                }));
        assertThat(interactions).containsOnlyKeys("polynomial", "rectified-polynomial", "leaky-rectified-polynomial",
                "exponential");
        interactions.forEach((id, factory) -> assertThat(factory.id()).isEqualTo(id));
        assertThat(memories).containsOnlyKeys("dense-bipolar");
        assertThat(memories.get("dense-bipolar").id()).isEqualTo("dense-bipolar");
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(Module.class).stream().map(ServiceLoader.Provider::type))
                .contains(CoreModule.class);
    }
}
