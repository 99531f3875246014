package dev.damsel.tasks.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdxTest {
    @TempDir
    Path dir;

    /** A hand-made 2×2×3 IDX file: magic 00 00 08 03, dims 2, 2, 3, then the values 0..10 and 255. */
    private static byte[] handMade() {
        byte[] bytes = new byte[4 + 12 + 12];
        bytes[2] = 0x08;
        bytes[3] = 3;
        bytes[7] = 2;
        bytes[11] = 2;
        bytes[15] = 3;
        for (int k = 0; k < 12; k++) {
            bytes[16 + k] = (byte) k;
        }
        bytes[27] = (byte) 255;
        return bytes;
    }

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsAHandMadeFile() throws IOException {
        IdxArray array = Idx.read(file("a-idx3-ubyte", handMade()));

        assertThat(array.dims()).containsExactly(2, 2, 3);
        assertThat(array.items()).isEqualTo(2);
        assertThat(array.itemSize()).isEqualTo(6);
        assertThat(array.unsigned(5)).isEqualTo(5);
        assertThat(array.unsigned(11)).isEqualTo(255);
    }

    @Test
    void readsAGzippedFileWhateverItsName() throws IOException {
        Path gz = dir.resolve("a-idx3-ubyte");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(handMade());
        }

        assertThat(Idx.read(gz)).isEqualTo(Idx.read(file("plain", handMade())));
    }

    @Test
    void encodeIsTheInverseOfRead() throws IOException {
        IdxArray array = new IdxArray(new int[] {3, 2}, new byte[] {1, 2, 3, 4, 5, (byte) 200});

        assertThat(Idx.encode(array)).startsWith(0, 0, 8, 2, 0, 0, 0, 3, 0, 0, 0, 2);
        Idx.write(array, dir.resolve("b"));
        assertThat(Idx.read(dir.resolve("b"))).isEqualTo(array);
        assertThat(Idx.encode(Idx.read(file("c", handMade())))).isEqualTo(handMade());
    }

    @Test
    void checksTheShapeWhenAsked() throws IOException {
        Path f = file("a", handMade());

        assertThat(Idx.read(f, 2, 3).items()).isEqualTo(2);
        assertThatThrownBy(() -> Idx.read(f, 28, 28))
                .isInstanceOf(DatasetException.class)
                .hasMessage(f + ": dimensions 2x2x3, expected nx28x28");
    }

    @Test
    void badMagic() throws IOException {
        byte[] bytes = handMade();
        bytes[0] = 0x50;
        Path f = file("bad", bytes);

        assertThatThrownBy(() -> Idx.read(f)).isInstanceOf(DatasetException.class)
                .hasMessage(f + ": not an IDX file (magic 50 00 08 03, expected 00 00 08 <dims>)");
    }

    @Test
    void otherValueTypesAreRefused() throws IOException {
        byte[] bytes = handMade();
        bytes[2] = 0x0D;
        Path f = file("float", bytes);

        assertThatThrownBy(() -> Idx.read(f)).isInstanceOf(DatasetException.class)
                .hasMessage(f + ": value type 0x0D is not supported (only 0x08, unsigned byte)");
    }

    @Test
    void truncatedData() throws IOException {
        Path f = file("short", Arrays.copyOf(handMade(), 20));

        assertThatThrownBy(() -> Idx.read(f)).isInstanceOf(DatasetException.class)
                .hasMessage(f + ": truncated: dimensions 2x2x3 need 12 bytes of data, found 4");
    }

    @Test
    void truncatedHeader() throws IOException {
        Path f = file("header", Arrays.copyOf(handMade(), 9));
        Path tiny = file("tiny", new byte[] {0, 0});

        assertThatThrownBy(() -> Idx.read(f)).isInstanceOf(DatasetException.class)
                .hasMessage(f + ": truncated in the header: 3 dimensions need 12 bytes, found 5");
        assertThatThrownBy(() -> Idx.read(tiny)).isInstanceOf(DatasetException.class)
                .hasMessageContaining("truncated: 2 bytes");
    }

    @Test
    void trailingBytes() throws IOException {
        Path f = file("long", Arrays.copyOf(handMade(), 31));

        assertThatThrownBy(() -> Idx.read(f)).isInstanceOf(DatasetException.class)
                .hasMessage(f + ": 3 bytes after the data of dimensions 2x2x3");
    }

    @Test
    void zeroOrHugeDimensions() throws IOException {
        byte[] zero = handMade();
        zero[11] = 0;
        byte[] huge = handMade();
        huge[4] = (byte) 0x7F;
        huge[8] = (byte) 0x7F;
        Path z = file("zero", zero);
        Path h = file("huge", huge);

        assertThatThrownBy(() -> Idx.read(z)).hasMessage(z + ": dimension 1 is 0, must be in [1, 2147483647]");
        assertThatThrownBy(() -> Idx.read(h)).hasMessageContaining("exceed one Java array");
    }

    @Test
    void brokenGzipAndMissingFile() throws IOException {
        Path gz = file("broken.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2});

        assertThatThrownBy(() -> Idx.read(gz)).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(gz + ": broken gzip stream");
        assertThatThrownBy(() -> Idx.read(dir.resolve("none"))).isInstanceOf(DatasetException.class)
                .hasMessage(dir.resolve("none") + ": no such file");
    }
}
