package dev.damsel.runner;

/**
 * Bad input from the user (a config value, a flag, a data file). The command line prints the message as one line and
 * exits with code 2, without a stack trace.
 */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
