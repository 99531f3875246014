package dev.damsel.runner;

import dev.damsel.core.vector.Vectors;

/** Names the vector implementation the core runs on, for provenance: {@code panama-256bit}, {@code scalar}. */
final class VectorInfo {
    private VectorInfo() {
    }

    static String describe() {
        String name = Vectors.implementationName();
        return Vectors.bitWidth() == 0 ? name : name + "-" + Vectors.bitWidth() + "bit";
    }
}
