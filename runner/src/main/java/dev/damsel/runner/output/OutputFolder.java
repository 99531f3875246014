package dev.damsel.runner.output;

import dev.damsel.runner.UsageException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output folder that appears whole or not at all: files are written into a hidden sibling staging folder, which is
 * renamed to the final name by {@link #commit()}. If the run fails, {@link #close()} deletes the staging folder, so no
 * half-written output is ever left under the final name.
 */
public final class OutputFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    private OutputFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Checks that {@code target} is free (missing, or an empty folder) and opens a staging folder beside it. */
    public static OutputFolder open(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        checkFree(absolute);
        try {
            Path parent = absolute.getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
            return new OutputFolder(absolute, staging);
        } catch (IOException e) {
            throw new UsageException("--out: cannot create " + absolute + ": " + e.getMessage());
        }
    }

    /** Fails with a usage error when {@code target} exists and is not an empty folder. */
    public static void checkFree(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new UsageException("--out: " + target + " exists and is not a folder");
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent()) {
                throw new UsageException("--out: " + target + " exists and is not empty; choose another folder");
            }
        } catch (IOException e) {
            throw new UsageException("--out: cannot read " + target + ": " + e.getMessage());
        }
    }

    /** Where to write a file of the output while the run is under way. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    public Path target() {
        return target;
    }

    /** Moves the staged files to the final folder. */
    public Path commit() {
        try {
            if (Files.isDirectory(target)) {
                Files.delete(target); // empty, as checked on open
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
            committed = true;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the run's output to " + target, e);
        }
    }

    /**
     * Keeps what was staged after a failure, under the final name with {@code suffix} appended (or, if that is taken,
     * in the staging folder itself), instead of deleting it on {@link #close()}.
     *
     * @return where the staged files now are
     */
    public Path keep(String suffix) {
        Path kept = target.resolveSibling(target.getFileName() + suffix);
        committed = true;
        try {
            if (!Files.exists(kept)) {
                Files.move(staging, kept);
                return kept;
            }
        } catch (IOException e) {
            // leave the files where they are
        }
        return staging;
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try (Stream<Path> paths = Files.walk(staging)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the staging folder " + staging, e);
        }
    }
}
