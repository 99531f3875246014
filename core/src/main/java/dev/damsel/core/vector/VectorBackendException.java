package dev.damsel.core.vector;

/**
 * A setting of the kernels is unusable: the vector implementation {@value VectorOpsProvider#PROPERTY} asks for is
 * unknown or cannot load (a bad {@code -Ddamsel.openblas.threads} included), or {@value Parallel#PROPERTY} is not a
 * thread count. Its message is one line that names the setting and what it allows; the command line prints it as it
 * is, with exit code 2.
 */
public final class VectorBackendException extends IllegalStateException {
    VectorBackendException(String message) {
        super(message);
    }
}
