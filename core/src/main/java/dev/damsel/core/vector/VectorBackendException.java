package dev.damsel.core.vector;

/**
 * The vector implementation that {@value VectorOpsProvider#PROPERTY} asks for is unknown or cannot load. Its message
 * is one line that names the reason; the command line prints it as it is.
 */
public final class VectorBackendException extends IllegalStateException {
    VectorBackendException(String message) {
        super(message);
    }
}
