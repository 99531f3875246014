package dev.damsel.runner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.damsel.reports.RunResult;
import dev.damsel.reports.json.ResultJsonReader;
import dev.damsel.runner.UsageException;
import dev.damsel.runner.config.ExperimentPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The finished runs of an interrupted experiment, taken back by {@code damsel run --resume DIR}. DIR is the folder an
 * experiment leaves when it stops early ({@code <out>.incomplete}, or the hidden {@code .<out>.partial-*} staging
 * folder after the process was killed), laid out as {@code <strategy>/seed-<S>/} with {@code result.json},
 * {@code provenance.json} and {@code config.yaml}. A run is taken only if all three files are there and its
 * {@code config.yaml} is the resolved config the current experiment would give that run; any other difference is an
 * error, since a run is a pure function of its config and seed and mixing two configs would corrupt the summary.
 */
public final class ResumedRuns {
    /** The files of one finished run. */
    public static final List<String> FILES = List.of("result.json", "provenance.json", "config.yaml");

    private final Path dir;
    private final List<RunResult> results;

    private ResumedRuns(Path dir, List<RunResult> results) {
        this.dir = dir;
        this.results = results;
    }

    /**
     * Reads the finished runs of {@code experiment} from {@code dir}.
     *
     * @throws UsageException if dir is not a folder, holds a strategy the experiment does not have, or holds a run
     *                        made with another config or seed, or a result that cannot be read
     */
    public static ResumedRuns load(Path dir, ExperimentPlan experiment) {
        if (!Files.isDirectory(dir)) {
            throw new UsageException("--resume: " + dir + " is not a folder");
        }
        Set<String> names = new HashSet<>();
        experiment.arms().forEach(arm -> names.add(arm.name()));
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(Files::isDirectory).toList()) {
                if (!names.contains(entry.getFileName().toString())) {
                    throw new UsageException("--resume: " + entry + " is not a strategy of this experiment (it has "
                            + String.join(", ", experiment.arms().stream().map(ExperimentPlan.Arm::name).toList())
                            + ")");
                }
            }
        } catch (IOException e) {
            throw new UsageException("--resume: cannot read " + dir + ": " + e.getMessage());
        }
        YAMLMapper yaml = new YAMLMapper();
        ResultJsonReader reader = new ResultJsonReader();
        List<RunResult> results = new ArrayList<>();
        for (ExperimentPlan.Run run : experiment.runs()) {
            Path runDir = runDir(dir, run);
            if (!FILES.stream().allMatch(f -> Files.isRegularFile(runDir.resolve(f)))) {
                results.add(null);
                continue;
            }
            try {
                JsonNode saved = yaml.readTree(runDir.resolve("config.yaml").toFile());
                JsonNode wanted = yaml.readTree(yaml.writeValueAsString(run.plan().resolved()));
                if (!saved.equals(wanted)) {
                    throw new UsageException("--resume: " + runDir + " was made with another config; give the same "
                            + "--config and seeds as the interrupted experiment");
                }
                RunResult result = reader.read(runDir.resolve("result.json"));
                if (result.seed() != run.seed()) {
                    throw new UsageException("--resume: " + runDir.resolve("result.json") + " has seed "
                            + result.seed() + ", expected " + run.seed());
                }
                results.add(result);
            } catch (IOException e) {
                throw new UsageException("--resume: cannot read " + runDir + ": " + e.getMessage());
            }
        }
        return new ResumedRuns(dir, results);
    }

    /** Where a run's files are inside an experiment's folder. */
    public static Path runDir(Path experimentDir, ExperimentPlan.Run run) {
        return experimentDir.resolve(run.arm().name()).resolve("seed-" + run.seed());
    }

    /** The result of each run of the experiment, in {@link ExperimentPlan#runs()} order; null where not finished. */
    public List<RunResult> results() {
        return results;
    }

    /** How many runs are taken back. */
    public int count() {
        return (int) results.stream().filter(r -> r != null).count();
    }

    /** Copies the files of every taken run into the experiment folder {@code to}, as they were written. */
    public void copyInto(Path to, ExperimentPlan experiment) throws IOException {
        List<ExperimentPlan.Run> runs = experiment.runs();
        for (int i = 0; i < runs.size(); i++) {
            if (results.get(i) == null) {
                continue;
            }
            Path from = runDir(dir, runs.get(i));
            Path target = Files.createDirectories(runDir(to, runs.get(i)));
            for (String file : FILES) {
                Files.copy(from.resolve(file), target.resolve(file));
            }
        }
    }
}
