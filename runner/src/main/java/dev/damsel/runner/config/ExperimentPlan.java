package dev.damsel.runner.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated experiment: one or more strategies ("arms"), each run on every seed, on the same tasks, memory,
 * interaction and training. Each arm's plan is a complete single run (its resolved config repeats that run with
 * {@code damsel run --config}); {@link #resolved()} is the whole experiment's config, with {@code seeds} and
 * {@code strategies}.
 *
 * @param seeds    the seeds, distinct, in order
 * @param arms     the strategies, names distinct, in order
 * @param resolved the experiment's resolved config
 */
public record ExperimentPlan(List<Long> seeds, List<Arm> arms, ObjectNode resolved) {

    /** One strategy of the experiment: its name (its config id unless the config names it) and its run plan. */
    public record Arm(String name, RunPlan plan) {
    }

    /** One run: an arm on one seed. */
    public record Run(Arm arm, long seed, RunPlan plan) {
    }

    public ExperimentPlan {
        seeds = List.copyOf(seeds);
        arms = List.copyOf(arms);
    }

    /** Whether this is a single run (one strategy, one seed). */
    public boolean isSingle() {
        return seeds.size() == 1 && arms.size() == 1;
    }

    /** Every run, arm by arm, each arm's seeds in order: a fixed order that does not depend on threads. */
    public List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        for (Arm arm : arms) {
            for (long seed : seeds) {
                runs.add(new Run(arm, seed, arm.plan().withSeed(seed)));
            }
        }
        return runs;
    }

    /** The same experiment on other seeds. */
    public ExperimentPlan withSeeds(List<Long> newSeeds) {
        ObjectNode tree = resolved.deepCopy();
        tree.remove("seed");
        tree.remove("seeds");
        if (newSeeds.size() == 1) {
            tree.put("seed", newSeeds.get(0));
        } else {
            newSeeds.forEach(tree.putArray("seeds")::add);
        }
        return new ExperimentPlan(newSeeds, arms, tree);
    }
}
