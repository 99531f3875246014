package dev.damsel.runner;

import picocli.CommandLine.Command;

/** The {@code damsel} command: its subcommands do the work. */
@Command(name = "damsel", mixinStandardHelpOptions = true, versionProvider = DamselVersion.class,
        description = "Benchmarks of sequential learning in dense associative memories.",
        subcommands = {RunCommand.class, dev.damsel.runner.bench.BenchCommand.class})
public final class DamselCommand {
}
