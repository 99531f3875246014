package dev.damsel.runner.provenance;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;

/**
 * What produced a run, enough to repeat it and to tell two runs apart: the resolved config (every default filled in,
 * with the seed), the component ids, the damsel build, the Java runtime, the vector implementation, the command line.
 * Written as {@code provenance.json} with sorted keys so two runs can be diffed.
 */
public record RunProvenance(ObjectNode config,
                            long seed,
                            Components components,
                            String damselVersion,
                            String gitCommit,
                            boolean gitDirty,
                            String javaVersion,
                            String javaVendor,
                            String os,
                            int availableProcessors,
                            String vectorImplementation,
                            List<String> arguments,
                            String configFile,
                            Instant started,
                            Instant finished) {

    /** The config ids of the run's components. */
    public record Components(String tasks, String memory, String interaction, String strategy) {
    }
}
