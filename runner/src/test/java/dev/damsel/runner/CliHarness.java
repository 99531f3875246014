package dev.damsel.runner;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the damsel command line in-process and captures what it prints. */
final class CliHarness {
    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Damsel.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private CliHarness() {
    }
}
