package dev.damsel.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.damsel.runner.thirdparty.ThirdPartyStrategyModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** End-to-end: several strategies and seeds in one {@code damsel run}, and a strategy from a third-party module. */
class ExperimentCommandTest {
    private static final String TINY = RunCommandTest.TINY.replace("epochs: 30", "epochs: 10") + """
            strategies:
              - {type: naive}
              - {type: joint}
              - {type: l2, lambda: 2.0, name: l2-strong}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void runsEveryStrategyOnEverySeedAndSummarisesThem() throws IOException {
        Path out = dir.resolve("exp");
        CliHarness.Outcome outcome = CliHarness.run("run", "--config", config(TINY).toString(), "--seeds", "1..2,7",
                "--out", out.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.out()).contains("95% CI").contains("| naive |").contains("| joint |")
                .contains("| l2-strong |").contains("seeds 1, 2, 7");
        for (String name : new String[]{"naive", "joint", "l2-strong"}) {
            for (int seed : new int[]{1, 2, 7}) {
                Path run = out.resolve(name).resolve("seed-" + seed);
                assertThat(JSON.readTree(run.resolve("result.json").toFile()).path("seed").asInt()).isEqualTo(seed);
                assertThat(JSON.readTree(run.resolve("provenance.json").toFile()).path("seed").asInt()).isEqualTo(seed);
                assertThat(run.resolve("config.yaml")).exists();
            }
        }
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("seeds")).hasSize(3);
        assertThat(summary.path("strategies")).hasSize(3);
        JsonNode acc = summary.path("strategies").get(0).path("metrics").path("acc");
        assertThat(acc.path("n").asInt()).isEqualTo(3);
        assertThat(acc.path("values")).hasSize(3);
        assertThat(summary.path("strategies").get(2).path("strategy").asText()).isEqualTo("l2");
        // joint gives a*, so intransigence is defined for every strategy
        assertThat(summary.path("strategies").get(0).path("metrics").path("intransigence").path("n").asInt()).isEqualTo(3);
        assertThat(out.resolve("summary.md")).exists();
        assertThat(out.resolve("config.yaml")).content().contains("strategies").contains("seeds");
    }

    @Test
    void aFailedRunKeepsTheFinishedRunsInAnIncompleteFolder() throws IOException {
        String yaml = RunCommandTest.TINY.replace("epochs: 30", "epochs: 5") + """
                strategies:
                  - {type: naive}
                  - {type: %s}
                """.formatted(ThirdPartyStrategyModule.FAILING_ID);
        Path out = dir.resolve("failing");
        CliHarness.Outcome outcome = CliHarness.run("run", "--config", config(yaml).toString(), "--seeds", "1",
                "--threads", "1", "--out", out.toString());

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.err()).contains("stopped after 1 of 2 runs").contains("failing.incomplete");
        assertThat(out).doesNotExist();
        Path kept = dir.resolve("failing.incomplete");
        assertThat(JSON.readTree(kept.resolve("naive/seed-1/result.json").toFile()).path("seed").asInt()).isEqualTo(1);
        assertThat(kept.resolve(ThirdPartyStrategyModule.FAILING_ID)).doesNotExist();
    }

    @Test
    void perSeedResultsDoNotDependOnThreadsOrOnTheOtherSeeds() throws IOException {
        Path config = config(TINY);
        Path parallel = dir.resolve("parallel");
        Path serial = dir.resolve("serial");
        Path alone = dir.resolve("alone");
        assertThat(CliHarness.run("run", "--config", config.toString(), "--seeds", "3,4", "--threads", "2", "--out",
                parallel.toString()).exitCode()).isZero();
        assertThat(CliHarness.run("run", "--config", config.toString(), "--seeds", "4,3", "--threads", "1", "--out",
                serial.toString()).exitCode()).isZero();
        assertThat(CliHarness.run("run", "--config", config.toString(), "--seeds", "4", "--out",
                alone.toString()).exitCode()).isZero();
        for (String name : new String[]{"naive", "joint", "l2-strong"}) {
            for (int seed : new int[]{3, 4}) {
                Path a = parallel.resolve(name).resolve("seed-" + seed).resolve("result.json");
                Path b = serial.resolve(name).resolve("seed-" + seed).resolve("result.json");
                assertThat(withoutTimes(a)).isEqualTo(withoutTimes(b));
            }
            Path single = alone.resolve(name).resolve("seed-4").resolve("result.json");
            JsonNode one = withoutTimes(single);
            JsonNode many = withoutTimes(parallel.resolve(name).resolve("seed-4").resolve("result.json"));
            assertThat(one.path("accuracy").path("r")).isEqualTo(many.path("accuracy").path("r"));
        }
    }

    @Test
    void seedsInTheConfigFile() throws IOException {
        Path out = dir.resolve("cfg-seeds");
        String yaml = RunCommandTest.TINY.replace("epochs: 30", "epochs: 5") + "seeds: [5, 6]\n";
        CliHarness.Outcome outcome = CliHarness.run("run", "--config", config(yaml).toString(), "--out", out.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(out.resolve("naive").resolve("seed-5").resolve("result.json")).exists();
        assertThat(out.resolve("naive").resolve("seed-6").resolve("result.json")).exists();
    }

    @Test
    void resumeTakesTheFinishedRunsBackAndGivesTheSameSummary() throws IOException {
        Path config = config(TINY);
        Path whole = dir.resolve("whole");
        assertThat(CliHarness.run("run", "--config", config.toString(), "--seeds", "1,2", "--out", whole.toString())
                .exitCode()).isZero();
        // an interrupted experiment: two runs finished (files as first saved, before a* was attached), one half-written
        Path kept = dir.resolve("cut.incomplete");
        copyRun(whole, kept, "naive/seed-2");
        copyRun(whole, kept, "l2-strong/seed-1");
        Files.createDirectories(kept.resolve("joint/seed-1"));
        Files.writeString(kept.resolve("joint/seed-1/result.json"), "{\"half");

        Path resumed = dir.resolve("resumed");
        CliHarness.Outcome outcome = CliHarness.run("run", "--config", config.toString(), "--seeds", "1,2", "--out",
                resumed.toString(), "--resume", kept.toString());

        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        assertThat(outcome.err()).contains("resuming: 2 of 6 runs taken from");
        assertThat(resumed.resolve("summary.md")).hasSameTextualContentAs(whole.resolve("summary.md"));
        assertThat(resumed.resolve("naive/seed-2/provenance.json"))
                .hasSameTextualContentAs(whole.resolve("naive/seed-2/provenance.json"));
        assertThat(withoutTimes(resumed.resolve("joint/seed-1/result.json")))
                .isEqualTo(withoutTimes(whole.resolve("joint/seed-1/result.json")));
    }

    @Test
    void resumeRefusesRunsOfAnotherConfig() throws IOException {
        Path whole = dir.resolve("whole");
        assertThat(CliHarness.run("run", "--config", config(TINY).toString(), "--seeds", "1,2", "--out",
                whole.toString()).exitCode()).isZero();
        Path other = dir.resolve("other");

        CliHarness.Outcome outcome = CliHarness.run("run", "--config", config(TINY.replace("epochs: 10", "epochs: 11"))
                .toString(), "--seeds", "1,2", "--out", other.toString(), "--resume", whole.toString());

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.err().strip()).startsWith("damsel: --resume: ").contains("was made with another config")
                .doesNotContain("\n").doesNotContain("Exception");
        assertThat(other).doesNotExist();
        String withoutL2 = TINY.replace("  - {type: l2, lambda: 2.0, name: l2-strong}\n", "");
        assertThat(CliHarness.run("run", "--config", config(withoutL2).toString(), "--seeds", "1,2", "--out",
                other.toString(), "--resume", whole.toString()).err())
                .contains("l2-strong").contains("--resume:").doesNotContain("Exception");
        assertThat(CliHarness.run("run", "--seed", "1", "--resume", whole.toString()).exitCode()).isEqualTo(2);
    }

    private static void copyRun(Path from, Path to, String run) throws IOException {
        Path target = Files.createDirectories(to.resolve(run));
        for (String file : new String[]{"result.json", "provenance.json", "config.yaml"}) {
            Files.copy(from.resolve(run).resolve(file), target.resolve(file));
        }
    }

    @Test
    void aStrategyFromAThirdPartyModuleIsSelectedByItsId() throws IOException {
        Path out = dir.resolve("third");
        String yaml = RunCommandTest.TINY + "strategy: {type: " + ThirdPartyStrategyModule.ID + ", copies: 3}\n";
        CliHarness.Outcome outcome = CliHarness.run("run", "--config", config(yaml).toString(), "--out", out.toString());
        assertThat(outcome.exitCode()).as(outcome.err()).isZero();
        JsonNode provenance = JSON.readTree(out.resolve("provenance.json").toFile());
        assertThat(provenance.path("components").path("strategy").asText()).isEqualTo(ThirdPartyStrategyModule.ID);
        assertThat(provenance.path("config").path("strategy").path("copies").asInt()).isEqualTo(3);
    }

    private Path config(String yaml) throws IOException {
        Path config = Files.createTempFile(dir, "config", ".yaml");
        Files.writeString(config, yaml);
        return config;
    }

    private static JsonNode withoutTimes(Path result) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(result.toFile());
        node.remove("started");
        node.remove("finished");
        return node;
    }
}
