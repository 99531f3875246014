package dev.damsel.runner;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.damsel.runner.config.ConfigLoader;
import dev.damsel.runner.config.ExperimentPlan;
import dev.damsel.runner.wiring.Injection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code damsel config}: validates a config and prints it resolved, every default filled in — the exact settings a
 * {@code damsel run} with the same arguments would use. With no --config, prints the built-in default run.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Validate a run config and print it with every default filled in.")
public final class ConfigCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "YAML run config, laid over the built-in default run.")
    Path config;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed; overrides the config's seed.")
    Long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ConfigLoader loader = new ConfigLoader(Injection.registry());
        ExperimentPlan experiment = config == null ? loader.loadDefaultExperiment() : loader.loadExperiment(config);
        if (seed != null) {
            experiment = experiment.withSeeds(List.of(seed));
        }
        spec.commandLine().getOut().print(new YAMLMapper().writeValueAsString(experiment.resolved()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
