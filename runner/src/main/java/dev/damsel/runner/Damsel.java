package dev.damsel.runner;

import dev.damsel.api.ConfigException;
import dev.damsel.core.vector.VectorBackendException;
import dev.damsel.tasks.data.DatasetException;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Entry point of the {@code damsel} command line. Exit codes: 0 success, 1 internal failure, 2 bad input (an unknown
 * flag, a bad config value, a bad data file), reported as one line on standard error without a stack trace.
 */
public final class Damsel {
    public static final int EXIT_USAGE = 2;

    private Damsel() {
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        try {
            return commandLine(out, err).execute(args);
        } catch (ExceptionInInitializerError e) {
            // The kernels read their settings (-Ddamsel.vector, -Ddamsel.threads…) when first used.
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof VectorBackendException bad) {
                    err.println("damsel: " + bad.getMessage());
                    return EXIT_USAGE;
                }
            }
            throw e;
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new DamselCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, args) -> {
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            ex.getCommandLine().getErr().println("damsel: " + ex.getMessage() + " (see '" + command + " --help')");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UsageException || ex instanceof DatasetException) {
                commandLine.getErr().println("damsel: " + ex.getMessage());
                return EXIT_USAGE;
            }
            if (ex instanceof ConfigException) {
                // a config value that only turns out bad when a component is made (e.g. more images than a dataset has)
                commandLine.getErr().println("damsel: config: " + ex.getMessage());
                return EXIT_USAGE;
            }
            LogManager.getLogger(Damsel.class).error("damsel failed", ex);
            commandLine.getErr().println("damsel: internal error: " + ex);
            return 1;
        });
        return cli;
    }
}
