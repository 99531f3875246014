package dev.damsel.runner;

/** Names the vector implementation the core runs on, for provenance. */
final class VectorInfo {
    private VectorInfo() {
    }

    static String describe() {
        return "scalar";
    }
}
