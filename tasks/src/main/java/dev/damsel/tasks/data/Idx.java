package dev.damsel.tasks.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the IDX format of the MNIST files (LeCun et al. 1998): a 4-byte magic number (two zero bytes, the
 * value type, the number of dimensions), each dimension as a big-endian 32-bit integer, then the values row-major.
 * Only the unsigned-byte type 0x08 is supported, the one MNIST uses. A file starting with the gzip signature is read
 * through gzip, whatever its name.
 *
 * <p>Every problem (no such file, bad magic, another value type, a zero dimension, too few or too many bytes) is a
 * {@link DatasetException} with one line naming the file.
 */
public final class Idx {
    /** The IDX value type of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    private Idx() {
    }

    /** Reads an IDX file, optionally gzipped. */
    public static IdxArray read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            try (InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw)) : raw) {
                return read(file, in);
            }
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": no such file");
        } catch (ZipException | EOFException e) {
            throw new DatasetException(file + ": broken gzip stream (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Reads an IDX file and checks its shape: {@code innerDims} are the dimensions after the first (the item count),
     * e.g. {@code 28, 28} for MNIST images and none for labels.
     */
    public static IdxArray read(Path file, int... innerDims) {
        IdxArray array = read(file);
        int[] dims = array.dims();
        boolean ok = dims.length == innerDims.length + 1;
        for (int k = 0; ok && k < innerDims.length; k++) {
            ok = dims[k + 1] == innerDims[k];
        }
        if (!ok) {
            throw new DatasetException(file + ": dimensions " + describe(dims) + ", expected n" + inner(innerDims));
        }
        return array;
    }

    private static IdxArray read(Path file, InputStream in) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw new DatasetException(file + ": truncated: " + magic.length + " bytes, an IDX header needs at least 4");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new DatasetException(file + ": not an IDX file (magic " + hex(magic) + ", expected 00 00 08 <dims>)");
        }
        int type = magic[2] & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new DatasetException(file + ": value type 0x" + String.format("%02X", type)
                    + " is not supported (only 0x08, unsigned byte)");
        }
        int rank = magic[3] & 0xFF;
        if (rank < 1) {
            throw new DatasetException(file + ": an IDX file needs at least 1 dimension, the header says 0");
        }
        byte[] header = in.readNBytes(4 * rank);
        if (header.length < 4 * rank) {
            throw new DatasetException(file + ": truncated in the header: " + rank + " dimensions need "
                    + 4 * rank + " bytes, found " + header.length);
        }
        int[] dims = new int[rank];
        long size = 1;
        for (int k = 0; k < rank; k++) {
            int p = 4 * k;
            dims[k] = ((header[p] & 0xFF) << 24) | ((header[p + 1] & 0xFF) << 16) | ((header[p + 2] & 0xFF) << 8)
                    | (header[p + 3] & 0xFF);
            if (dims[k] < 1) {
                throw new DatasetException(file + ": dimension " + k + " is " + Integer.toUnsignedString(dims[k])
                        + ", must be in [1, " + Integer.MAX_VALUE + "]");
            }
            size *= dims[k];
            if (size > Integer.MAX_VALUE - 8) {
                throw new DatasetException(file + ": dimensions " + describe(dims) + " exceed one Java array");
            }
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new DatasetException(file + ": truncated: dimensions " + describe(dims) + " need " + size
                    + " bytes of data, found " + data.length);
        }
        long extra = in.transferTo(OutputStream.nullOutputStream());
        if (extra > 0) {
            throw new DatasetException(file + ": " + extra + " bytes after the data of dimensions " + describe(dims));
        }
        return new IdxArray(dims, data);
    }

    /** The IDX encoding of an array of unsigned bytes, uncompressed. */
    public static byte[] encode(IdxArray array) {
        int[] dims = array.dims();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 + 4 * dims.length + array.data().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(new byte[] {0, 0, UNSIGNED_BYTE, (byte) dims.length});
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(array.data());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** Writes an array as an uncompressed IDX file (replacing the file). */
    public static void write(IdxArray array, Path file) throws IOException {
        Files.write(file, encode(array));
    }

    private static String describe(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < dims.length; k++) {
            s.append(k == 0 ? "" : "x").append(Integer.toUnsignedString(dims[k]));
        }
        return s.toString();
    }

    private static String inner(int[] innerDims) {
        StringBuilder s = new StringBuilder();
        for (int d : innerDims) {
            s.append('x').append(d);
        }
        return s.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%02X", b & 0xFF));
        }
        return s.toString();
    }
}
