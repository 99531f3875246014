package dev.damsel.runner.data;

import dev.damsel.tasks.data.DatasetException;
import dev.damsel.tasks.data.Digits;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conversion of the npm package's JSON digits, on hand-made tarballs. */
class NpmDigitsTest {
    @TempDir
    Path dir;

    /** One image per digit d whose first pixel is d/10 and the rest 0; digit 3 has two images. */
    private static Map<String, String> digitFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int d = 0; d < 10; d++) {
            StringBuilder data = new StringBuilder("{\"data\": [");
            int images = d == 3 ? 2 : 1;
            for (int k = 0; k < 784 * images; k++) {
                data.append(k == 0 ? "" : ",").append(k == 0 ? String.valueOf(d / 10.0) : (k == 784 ? "1" : "0"));
            }
            files.put("package/src/digits/" + d + ".json", data.append("]}").toString());
        }
        files.put("package/README.md", "digits");
        return files;
    }

    private Path tarball(Map<String, String> files) throws IOException {
        Path tgz = dir.resolve("p.tgz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(Files.newOutputStream(tgz)))) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(f.getKey());
                entry.setSize(bytes.length);
                tar.putArchiveEntry(entry);
                tar.write(bytes);
                tar.closeArchiveEntry();
            }
        }
        return tgz;
    }

    @Test
    void convertsValuesToRoundedBytesInDigitOrder() throws IOException {
        Path tgz = tarball(digitFiles());

        Digits digits = NpmDigits.read(tgz, NpmDigits.sha256(tgz), new int[] {1, 1, 1, 2, 1, 1, 1, 1, 1, 1});

        assertThat(digits.count()).isEqualTo(11);
        assertThat(digits.label(3)).isEqualTo(3);
        assertThat(digits.label(4)).isEqualTo(3);
        assertThat(digits.label(10)).isEqualTo(9);
        assertThat(digits.pixel(5, 0)).isEqualTo(Math.round(255 * 0.4));  // digit 4
        assertThat(digits.pixel(4, 0)).isEqualTo(255);                       // the second 3 starts with 1
        assertThat(digits.pixel(10, 0)).isEqualTo(230);                      // round(229.5)
    }

    @Test
    void aWrongChecksumIsRefused() throws IOException {
        Path tgz = tarball(digitFiles());

        assertThatThrownBy(() -> NpmDigits.read(tgz, NpmDigits.SHA256, NpmDigits.COUNTS))
                .isInstanceOf(DatasetException.class).hasMessageContaining("is not the expected " + NpmDigits.SHA256);
    }

    @Test
    void wrongCountsMissingFilesAndBadValuesAreRefused() throws IOException {
        Path tgz = tarball(digitFiles());
        assertThatThrownBy(() -> NpmDigits.read(tgz, NpmDigits.sha256(tgz), NpmDigits.COUNTS))
                .hasMessageContaining("digit 0 has 1 images, expected 1001");

        Map<String, String> missing = digitFiles();
        missing.remove("package/src/digits/7.json");
        Path noSeven = tarball(missing);
        assertThatThrownBy(() -> NpmDigits.read(noSeven, NpmDigits.sha256(noSeven), null))
                .hasMessageContaining("package/src/digits/7.json is missing");

        Map<String, String> bad = digitFiles();
        bad.put("package/src/digits/2.json", bad.get("package/src/digits/2.json").replace("[0.2,", "[1.5,"));
        Path outOfRange = tarball(bad);
        assertThatThrownBy(() -> NpmDigits.read(outOfRange, NpmDigits.sha256(outOfRange), null))
                .hasMessageContaining("value 0 is 1.5, outside [0, 1]");

        Map<String, String> ragged = digitFiles();
        ragged.put("package/src/digits/2.json", "{\"data\": [0, 0, 0]}");
        Path short3 = tarball(ragged);
        assertThatThrownBy(() -> NpmDigits.read(short3, NpmDigits.sha256(short3), null))
                .hasMessageContaining("holds 3 values, not a positive multiple of 784");
    }
}
