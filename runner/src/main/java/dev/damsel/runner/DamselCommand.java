package dev.damsel.runner;

import dev.damsel.runner.data.DataCommand;
import dev.damsel.runner.bench.BenchCommand;
import picocli.CommandLine.Command;

/** The {@code damsel} command: its subcommands do the work. */
@Command(name = "damsel", mixinStandardHelpOptions = true, versionProvider = DamselVersion.class,
        description = "Benchmarks of sequential learning in dense associative memories.",
        subcommands = {RunCommand.class, ConfigCommand.class, DataCommand.class, BenchCommand.class})
public final class DamselCommand {
}
