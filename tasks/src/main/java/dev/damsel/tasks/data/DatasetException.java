package dev.damsel.tasks.data;

/**
 * A data file or folder that is missing, truncated or not what it claims to be. The message is one line naming the
 * file and, where it helps, what to do about it; the command line prints it as bad input (exit code 2).
 */
public class DatasetException extends RuntimeException {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
