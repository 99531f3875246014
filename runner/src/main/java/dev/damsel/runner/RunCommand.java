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
import dev.damsel.runner.config.ConfigLoader;
import dev.damsel.runner.config.RunPlan;
import dev.damsel.runner.output.OutputFolder;
import dev.damsel.runner.progress.ProgressListener;
import dev.damsel.runner.provenance.BuildInfo;
import dev.damsel.runner.provenance.RunProvenance;
import dev.damsel.runner.run.RunExecutor;
import dev.damsel.runner.wiring.Injection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code damsel run}: trains a memory on a task sequence, prints the accuracy matrix and metrics, writes the outputs. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Train a dense associative memory on a task sequence and report forgetting.%n"
                + "With no --config, runs the built-in default suite (offline, seconds).")
public final class RunCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Option(names = "--config", paramLabel = "FILE", description = "YAML run config, laid over the built-in default run.")
    Path config;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed; overrides the config's seed.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (must be new or empty). Default: runs/<suite>-<strategy>-seed<S>-<time>.")
    Path out;

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
        ConfigLoader loader = new ConfigLoader(Injection.registry());
        RunPlan plan = config == null ? loader.loadDefault() : loader.load(config);
        if (seed != null) {
            plan = plan.withSeed(seed);
        }
        Path target = out != null ? out : Path.of("runs", plan.tasks().id() + "-" + plan.strategy().id() + "-seed"
                + plan.seed() + "-" + STAMP.format(clock.instant()));
        OutputFolder.checkFree(target.toAbsolutePath().normalize());

        PrintWriter stdout = spec.commandLine().getOut();
        RunResult result;
        try (OutputFolder folder = OutputFolder.open(target);
             ProgressListener progress = new ProgressListener(System.console() != null, "damsel run")) {
            result = new RunExecutor(clock).execute(plan, progress);
            progress.close();
            new ResultJsonWriter().write(result, folder.file("result.json"));
            provenanceWriter().writeValue(folder.file("provenance.json").toFile(), provenance(plan, result));
            new YAMLMapper().writeValue(folder.file("config.yaml").toFile(), plan.resolved());
            folder.commit();
        }
        stdout.print(MatrixTable.render(result));
        stdout.println("wrote " + target.toAbsolutePath().normalize());
        stdout.flush();
        return 0;
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
