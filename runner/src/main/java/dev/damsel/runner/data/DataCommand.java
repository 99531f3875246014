package dev.damsel.runner.data;

import picocli.CommandLine.Command;

/** {@code damsel data}: dataset management; the work is in its subcommands. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Obtain and check datasets.",
        subcommands = {FetchCommand.class})
public final class DataCommand {
}
