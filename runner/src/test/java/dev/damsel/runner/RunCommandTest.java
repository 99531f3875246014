package dev.damsel.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** End-to-end: {@code damsel run} on a tiny config writes its outputs and is a pure function of config and seed. */
class RunCommandTest {
    static final String TINY = """
            tasks: {type: random, tasks: 3, patterns: 4, dimension: 24, noise: 0.1}
            memory: {memories: 6}
            training: {epochs: 30}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesResultProvenanceAndConfigAndPrintsTheMatrix() throws IOException {
        Path out = dir.resolve("run");
        CliHarness.Outcome outcome = CliHarness.run("run", "--config", tiny().toString(), "--seed", "7", "--out", out.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("before").contains("random-1").contains("random-3").contains("acc");
        JsonNode result = JSON.readTree(out.resolve("result.json").toFile());
        assertThat(result.path("seed").asLong()).isEqualTo(7);
        assertThat(result.path("accuracy").path("r")).hasSize(3);
        JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
        assertThat(provenance.path("seed").asLong()).isEqualTo(7);
        assertThat(provenance.path("config").path("memory").path("memories").asInt()).isEqualTo(6);
        assertThat(provenance.path("components").path("strategy").asText()).isEqualTo("naive");
        assertThat(provenance.path("javaVersion").asText()).isNotBlank();
        assertThat(out.resolve("config.yaml")).exists();
    }

    @Test
    void sameSeedGivesIdenticalResultsAndTheWrittenConfigRepeatsTheRun() throws IOException {
        Path config = tiny();
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Path repeat = dir.resolve("repeat");
        assertThat(CliHarness.run("run", "--config", config.toString(), "--seed", "11", "--out", first.toString()).exitCode()).isZero();
        assertThat(CliHarness.run("run", "--config", config.toString(), "--seed", "11", "--out", second.toString()).exitCode()).isZero();
        assertThat(CliHarness.run("run", "--config", first.resolve("config.yaml").toString(), "--out", repeat.toString()).exitCode()).isZero();

        assertThat(withoutTimes(second)).isEqualTo(withoutTimes(first));
        assertThat(withoutTimes(repeat)).isEqualTo(withoutTimes(first));
    }

    @Test
    void differentSeedsGiveDifferentRuns() throws IOException {
        Path config = tiny();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        CliHarness.run("run", "--config", config.toString(), "--seed", "1", "--out", a.toString());
        CliHarness.run("run", "--config", config.toString(), "--seed", "2", "--out", b.toString());
        assertThat(withoutTimes(a).path("details")).isNotEqualTo(withoutTimes(b).path("details"));
    }

    private Path tiny() throws IOException {
        Path config = dir.resolve("tiny.yaml");
        Files.writeString(config, TINY);
        return config;
    }

    private static JsonNode withoutTimes(Path run) throws IOException {
        ObjectNode result = (ObjectNode) JSON.readTree(run.resolve("result.json").toFile());
        result.remove("started");
        result.remove("finished");
        return result;
    }
}
