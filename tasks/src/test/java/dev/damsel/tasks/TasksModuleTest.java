package dev.damsel.tasks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import dev.damsel.api.plugin.TaskSuiteFactory;
import dev.damsel.tasks.random.RandomTaskSuiteFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class TasksModuleTest {

    @Test
    void bindsEverySuiteUnderItsId() {
        Injector injector = Guice.createInjector(new TasksModule());

        Map<String, TaskSuiteFactory<?>> suites =
                injector.getInstance(Key.get(new TypeLiteral<Map<String, TaskSuiteFactory<?>>>() {
                }));

        assertThat(suites).containsOnlyKeys("random", "correlated", "prototype", "permuted-mnist", "split-mnist");
        suites.forEach((id, factory) -> assertThat(factory.id()).isEqualTo(id));
        assertThat(suites.get("random")).isInstanceOf(RandomTaskSuiteFactory.class);
        assertThat(suites.get("random").id()).isEqualTo("random");
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(Module.class).stream().map(ServiceLoader.Provider::type))
                .contains(TasksModule.class);
    }
}
