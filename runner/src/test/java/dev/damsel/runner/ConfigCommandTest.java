package dev.damsel.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheDefaultRunWithEveryComponentDefaultFilledIn() throws IOException {
        CliHarness.Outcome outcome = CliHarness.run("config");
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode resolved = new YAMLMapper().readTree(outcome.out());
        assertThat(resolved.path("tasks").path("type").asText()).isEqualTo("random");
        assertThat(resolved.path("training").path("epochs").asInt()).isPositive();
        assertThat(resolved.path("strategy").path("type").asText()).isEqualTo("naive");
    }

    @Test
    void laysAFileOverTheDefaultsAndAppliesTheSeed() throws IOException {
        Path config = Files.writeString(dir.resolve("c.yaml"), "memory: {memories: 9}\ninteraction: {type: polynomial}\n");
        CliHarness.Outcome outcome = CliHarness.run("config", "--config", config.toString(), "--seed", "42");
        JsonNode resolved = new YAMLMapper().readTree(outcome.out());
        assertThat(resolved.path("seed").asLong()).isEqualTo(42);
        assertThat(resolved.path("memory").path("memories").asInt()).isEqualTo(9);
        assertThat(resolved.path("memory").path("initStd").asDouble()).isEqualTo(0.1);
        assertThat(resolved.path("interaction").path("type").asText()).isEqualTo("polynomial");
        assertThat(resolved.path("interaction").path("degree").asInt()).as("another type: the plugin's own default degree")
                .isEqualTo(3);
    }

    @Test
    void keepsEveryStrategyAndSeedOfAnExperiment() throws IOException {
        Path config = Files.writeString(dir.resolve("c.yaml"),
                "seeds: [3, 4]\nstrategies:\n  - {type: naive}\n  - {type: l2, lambda: 2.0}\n");
        CliHarness.Outcome outcome = CliHarness.run("config", "--config", config.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode resolved = new YAMLMapper().readTree(outcome.out());
        assertThat(resolved.path("seeds")).hasSize(2);
        assertThat(resolved.path("strategies")).hasSize(2);
        assertThat(resolved.path("strategies").get(1).path("lambda").asDouble()).isEqualTo(2.0);
    }

    @Test
    void aSectionOfAnotherTypeReplacesTheDefaultSection() throws IOException {
        Path config = Files.writeString(dir.resolve("c.yaml"), "interaction: {type: exponential}\n");
        CliHarness.Outcome outcome = CliHarness.run("config", "--config", config.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode interaction = new YAMLMapper().readTree(outcome.out()).path("interaction");
        assertThat(interaction.path("type").asText()).isEqualTo("exponential");
        assertThat(interaction.has("degree")).isFalse();
    }
}
