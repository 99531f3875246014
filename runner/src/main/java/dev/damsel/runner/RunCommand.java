package dev.damsel.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.damsel.reports.RunResult;
import dev.damsel.reports.json.ResultJsonWriter;
import dev.damsel.reports.table.MatrixTable;
import dev.damsel.reports.aggregate.StrategySummary;
import dev.damsel.reports.aggregate.SummaryJsonWriter;
import dev.damsel.reports.aggregate.SummaryTable;
import dev.damsel.runner.config.ConfigLoader;
import dev.damsel.runner.config.ExperimentPlan;
import dev.damsel.runner.config.SeedList;
import dev.damsel.runner.run.ExperimentExecutor;
import dev.damsel.runner.config.RunPlan;
import dev.damsel.runner.output.OutputFolder;
import dev.damsel.runner.progress.ProgressListener;
import dev.damsel.runner.provenance.BuildInfo;
import dev.damsel.runner.provenance.RunProvenance;
import dev.damsel.runner.run.ResumedRuns;
import dev.damsel.runner.run.RunExecutor;
import dev.damsel.runner.wiring.Injection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code damsel run}: trains a memory on a task sequence, prints the accuracy matrix and metrics, writes the outputs.
 * With several strategies ({@code strategies:}) or seeds ({@code --seeds}, {@code seeds:}) it runs every pair and
 * prints, per strategy, each metric's mean ± 95% confidence interval over the seeds. An experiment saves each run as
 * it finishes; {@code --resume} takes those runs back after an interruption ({@link ResumedRuns}).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train a dense associative memory on a task sequence and report forgetting.%n"
                + "With no --config, runs the built-in default suite (offline, seconds).")
public final class RunCommand implements Callable<Integer> {
    /** The level of the confidence intervals of an experiment's summary. */
    static final double CONFIDENCE = 0.95;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Option(names = "--config", paramLabel = "FILE", description = "YAML run config, laid over the built-in default run.")
    Path config;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed; overrides the config's seed(s).")
    Long seed;

    @Option(names = "--seeds", paramLabel = "LIST",
            description = "Several seeds, e.g. 1..5 or 1,2,7; overrides the config's seed(s).")
    String seeds;

    @Option(names = "--threads", paramLabel = "N",
            description = "Runs of an experiment in parallel (default: the available processors).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (must be new or empty). Default: runs/<suite>-<strategy>-seed<S>-<time>.")
    Path out;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Take the finished runs of an interrupted experiment from DIR (its <out>.incomplete folder, "
                    + "or the .<out>.partial-* folder a killed one leaves) instead of running them again. The config "
                    + "and seeds must be those of the interrupted experiment.")
    Path resume;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public RunCommand() {
        this(Clock.systemUTC());
    }

    RunCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        if (seed != null && seeds != null) {
            throw new UsageException("give either --seed or --seeds, not both");
        }
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be >= 1 (got " + threads + ")");
        }
        ConfigLoader loader = new ConfigLoader(Injection.registry());
        ExperimentPlan experiment = config == null ? loader.loadDefaultExperiment() : loader.loadExperiment(config);
        if (seed != null) {
            experiment = experiment.withSeeds(List.of(seed));
        } else if (seeds != null) {
            experiment = experiment.withSeeds(SeedList.parse("--seeds", seeds));
        }
        if (resume != null && experiment.isSingle()) {
            throw new UsageException("--resume applies to experiments of several runs (several seeds or strategies)");
        }
        return experiment.isSingle() ? single(experiment) : several(experiment);
    }

    /** One strategy on one seed: the run's files directly in the output folder. */
    private int single(ExperimentPlan experiment) throws IOException {
        RunPlan plan = experiment.runs().get(0).plan();
        Path target = out != null ? out : Path.of("runs", plan.tasks().id() + "-" + plan.strategy().id() + "-seed"
                + plan.seed() + "-" + STAMP.format(clock.instant()));
        OutputFolder.checkFree(target.toAbsolutePath().normalize());

        PrintWriter stdout = spec.commandLine().getOut();
        RunResult result;
        try (OutputFolder folder = OutputFolder.open(target);
             ProgressListener progress = new ProgressListener(System.console() != null, "damsel run")) {
            result = new RunExecutor(clock).execute(plan, progress);
            progress.close();
            writeRun(folder.file("."), plan, result);
            folder.commit();
        }
        stdout.print(MatrixTable.render(result));
        stdout.println("wrote " + target.toAbsolutePath().normalize());
        stdout.flush();
        return 0;
    }

    /**
     * Several strategies or seeds: {@code <strategy>/seed-<S>/} per run with its result, provenance and config; then
     * {@code summary.json} and {@code summary.md} (mean ± 95% CI per strategy and metric) and the experiment's
     * {@code config.yaml}.
     */
    private int several(ExperimentPlan experiment) throws IOException {
        List<Long> seedList = experiment.seeds();
        String seedLabel = seedList.size() == 1 ? "seed" + seedList.get(0)
                : "seeds" + seedList.get(0) + "-" + seedList.get(seedList.size() - 1);
        String strategyLabel = experiment.arms().size() == 1 ? experiment.arms().get(0).name()
                : experiment.arms().size() + "-strategies";
        RunPlan first = experiment.arms().get(0).plan();
        Path target = out != null ? out : Path.of("runs", first.tasks().id() + "-" + strategyLabel + "-" + seedLabel
                + "-" + STAMP.format(clock.instant()));
        OutputFolder.checkFree(target.toAbsolutePath().normalize());
        ResumedRuns resumed = resume == null ? null : ResumedRuns.load(resume, experiment);

        int pool = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        List<ExperimentPlan.Run> runs = experiment.runs();
        PrintWriter stdout = spec.commandLine().getOut();
        String table;
        try (OutputFolder folder = OutputFolder.open(target)) {
            List<RunResult> earlier = Collections.nCopies(runs.size(), null);
            if (resumed != null) {
                resumed.copyInto(folder.file("."), experiment);
                earlier = resumed.results();
                spec.commandLine().getErr().println("damsel: resuming: " + resumed.count() + " of " + runs.size()
                        + " runs taken from " + resume);
            }
            List<RunResult> results = executeSavingEachRun(experiment, earlier, pool, folder);
            for (int i = 0; i < runs.size(); i++) {
                if (results.get(i).matrix().aStar().isPresent()) { // a* from the joint run: metrics changed since saved
                    ExperimentPlan.Run run = runs.get(i);
                    if (earlier.get(i) == null) {
                        writeRun(runFolder(folder, run), run.plan(), results.get(i));
                    } else { // a resumed run keeps the provenance of the command that made it
                        writeResult(runFolder(folder, run), results.get(i));
                    }
                }
            }
            List<StrategySummary> summaries = new ArrayList<>();
            List<String> metricIds = new ArrayList<>();
            for (ExperimentPlan.Arm arm : experiment.arms()) {
                List<RunResult> armResults = new ArrayList<>();
                for (int i = 0; i < runs.size(); i++) {
                    if (runs.get(i).arm().equals(arm)) {
                        armResults.add(results.get(i));
                    }
                }
                StrategySummary summary = StrategySummary.of(arm.name(), armResults, CONFIDENCE);
                summary.metrics().keySet().stream().filter(id -> !metricIds.contains(id)).forEach(metricIds::add);
                summaries.add(summary);
            }
            table = SummaryTable.markdown(summaries, metricIds);
            new SummaryJsonWriter().write(summaries, CONFIDENCE, folder.file("summary.json"));
            Files.writeString(folder.file("summary.md"), table);
            new YAMLMapper().writeValue(folder.file("config.yaml").toFile(), experiment.resolved());
            folder.commit();
        }
        stdout.print(table);
        stdout.println("wrote " + target.toAbsolutePath().normalize());
        stdout.flush();
        return 0;
    }

    /**
     * Runs the experiment and writes each run into the staging folder as soon as it finishes. If a run fails, the
     * finished runs are kept in {@code <out>.incomplete} (said on standard error) rather than lost.
     */
    private List<RunResult> executeSavingEachRun(ExperimentPlan experiment, List<RunResult> earlier, int pool,
                                                 OutputFolder folder) {
        AtomicInteger saved = new AtomicInteger((int) earlier.stream().filter(r -> r != null).count());
        try {
            return new ExperimentExecutor(clock, pool).execute(experiment, earlier, (run, result) -> {
                try {
                    writeRun(runFolder(folder, run), run.plan(), result);
                    saved.incrementAndGet();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            if (saved.get() > 0) {
                Path kept = folder.keep(".incomplete");
                spec.commandLine().getErr().println("damsel: the experiment stopped after " + saved.get() + " of "
                        + experiment.runs().size() + " runs; the finished runs are in " + kept);
            }
            throw e;
        }
    }

    private static Path runFolder(OutputFolder folder, ExperimentPlan.Run run) throws IOException {
        return Files.createDirectories(ResumedRuns.runDir(folder.file("."), run));
    }

    /**
     * Writes a run's three files, each to a temporary name first and then renamed, {@code config.yaml} last: a process
     * killed midway leaves no truncated file, and a run folder with its config.yaml is complete.
     */
    private void writeRun(Path dir, RunPlan plan, RunResult result) throws IOException {
        writeResult(dir, result);
        writeWhole(dir.resolve("provenance.json"),
                file -> provenanceWriter().writeValue(file.toFile(), provenance(plan, result)));
        writeWhole(dir.resolve("config.yaml"), file -> new YAMLMapper().writeValue(file.toFile(), plan.resolved()));
    }

    /** A run's {@code result.json}, written whole like the rest of {@link #writeRun}. */
    private static void writeResult(Path dir, RunResult result) throws IOException {
        writeWhole(dir.resolve("result.json"), file -> new ResultJsonWriter().write(result, file));
    }

    private interface FileWriting {
        void write(Path file) throws IOException;
    }

    private static void writeWhole(Path file, FileWriting writing) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        writing.write(temporary);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private RunProvenance provenance(RunPlan plan, RunResult result) {
        BuildInfo build = BuildInfo.current();
        return new RunProvenance(plan.resolved(), plan.seed(),
                new RunProvenance.Components(plan.tasks().id(), plan.memory().id(), plan.interaction().id(),
                        plan.strategy().id()),
                build.version(), build.commit(), build.dirty(),
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), VectorInfo.describe(),
                List.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)),
                config == null ? null : config.toAbsolutePath().normalize().toString(),
                result.started(), result.finished());
    }

    static ObjectMapper provenanceWriter() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .build();
    }
}
