package dev.damsel.runner;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input ends with one line naming the field and its allowed range, exit code 2, and no output folder. */
class BadInputTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown section       | colour: blue                                   | 'colour' is not a known section",
            "unknown key           | tasks: {dimensions: 10}                        | tasks.dimensions is not a known key",
            "wrong type            | tasks: {dimension: ten}                        | tasks.dimension must be an integer",
            "fraction for integer  | tasks: {dimension: 10.5}                       | tasks.dimension must be an integer",
            "dimension below 1     | tasks: {dimension: 0}                          | tasks.dimension must be >= 1 (got 0)",
            "noise of 1            | tasks: {noise: 1.0}                            | tasks.noise must be in [0.0, 1.0)",
            "no tasks              | tasks: {tasks: 0}                              | tasks.tasks must be >= 1 (got 0)",
            "too many patterns     | tasks: {dimension: 3, patterns: 9, tasks: 1}   | tasks.patterns",
            "degree below 1        | interaction: {degree: 0}                       | interaction.degree must be >= 1 (got 0)",
            "unknown strategy      | strategy: {type: forgetful}                    | strategy.type must be one of",
            "unknown interaction   | interaction: {type: cubic}                     | interaction.type must be one of",
            "zero epochs           | training: {epochs: 0}                          | training.epochs must be >= 1 (got 0)",
            "negative temperature  | training: {temperatureEnd: -1}                 | training.temperatureEnd",
            "no memories           | memory: {memories: 0}                          | memory.memories must be >= 1 (got 0)",
            "seed not a number     | seed: abc                                      | seed must be an integer",
            "section not a mapping | training: 5                                    | training must be a mapping",
            "seed and seeds        | '{seed: 1, seeds: [1, 2]}'                     | either 'seed' or 'seeds'",
            "seeds not integers    | 'seeds: [1, x]'                                | seeds must be a non-empty list of integers",
            "seeds range backwards | 'seeds: 5..1'                                  | must not run backwards",
            "no strategies         | 'strategies: []'                               | strategies must be a non-empty list",
            "strategy out of range | 'strategies: [{type: naive}, {type: ewc, lambda: -1}]' | strategies[1].lambda must be a finite number >= 0",
            "unknown strategy knob | 'strategies: [{type: gem, items: 3}]'         | strategies[0].items is not a known key",
            "duplicate names       | 'strategies: [{type: l2}, {type: l2}]'         | is used by two strategies",
            "bad buffer policy     | 'strategy: {type: rehearsal, selection: fifo}' | strategy.selection must be one of reservoir, per-task-balanced",
    })
    void badConfigValue(String name, String yaml, String expected) throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, yaml + "\n");
        Path out = dir.resolve("out");

        CliHarness.Outcome outcome = CliHarness.run("run", "--config", config.toString(), "--out", out.toString());

        assertOneLineUsageError(outcome, expected);
        assertThat(out).doesNotExist();
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().contains("partial"));
    }

    @Test
    void unknownFlag() {
        CliHarness.Outcome outcome = CliHarness.run("run", "--sed", "3");
        assertOneLineUsageError(outcome, "Unknown option");
        assertThat(outcome.err()).contains("'--sed'");
    }

    @Test
    void seedThatIsNotANumber() {
        CliHarness.Outcome outcome = CliHarness.run("run", "--seed", "many");
        assertOneLineUsageError(outcome, "--seed");
    }

    @ParameterizedTest(name = "--seeds {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "a", "1..", "5..1", "1,,2", "1,1", "1..20000", "1.5"})
    void badSeedList(String seeds) {
        assertOneLineUsageError(CliHarness.run("run", "--seeds", seeds, "--out", dir.resolve("o").toString()), "--seeds");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void seedAndSeedsTogether() {
        assertOneLineUsageError(CliHarness.run("run", "--seed", "1", "--seeds", "1..2"), "either --seed or --seeds");
    }

    @Test
    void missingConfigFile() {
        CliHarness.Outcome outcome = CliHarness.run("run", "--config", dir.resolve("nope.yaml").toString());
        assertOneLineUsageError(outcome, "no such file");
    }

    @Test
    void invalidYaml() throws IOException {
        Path config = dir.resolve("broken.yaml");
        Files.writeString(config, "tasks: {dimension: [\n");
        assertOneLineUsageError(CliHarness.run("run", "--config", config.toString()), "is not valid YAML");
    }

    @Test
    void outputFolderInUse() throws IOException {
        Path out = Files.createDirectories(dir.resolve("used"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        assertOneLineUsageError(CliHarness.run("run", "--out", out.toString()), "is not empty");
        assertThat(out.resolve("keep.txt")).hasContent("mine");
    }

    /**
     * The kernels' settings are read once per JVM, when the kernels are first used, so each case runs the command
     * line in a JVM of its own (without the incubator module, whose start-up warning would be a second line).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "damsel.vector=cublas                           | -Ddamsel.vector must be scalar, panama or openblas, got 'cublas'",
            "damsel.threads=abc                             | -Ddamsel.threads must be a whole number >= 1, got 'abc'",
            "damsel.vector=scalar,damsel.threads=0          | -Ddamsel.threads must be a whole number >= 1, got '0'",
            "damsel.vector=openblas,damsel.openblas.threads=0 | -Ddamsel.openblas.threads must be a whole number in [1, 256], got '0'",
    })
    void badKernelSetting(String properties, String expected) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        for (String property : properties.split(",")) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Damsel.class.getName(), "bench", "gemm",
                "--m", "4", "--n", "4", "--k", "4", "--seconds", "0.01", "--warmup", "0"));
        Process process = new ProcessBuilder(command).start();
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());
        int exit = process.waitFor();

        assertOneLineUsageError(new CliHarness.Outcome(exit, out, err), expected);
    }

    private static void assertOneLineUsageError(CliHarness.Outcome outcome, String expected) {
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err().strip().lines()).as(outcome.err()).hasSize(1);
        assertThat(outcome.err()).startsWith("damsel: ").contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(outcome.out()).isEmpty();
    }
}
