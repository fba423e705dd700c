package cnnplayground.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds tiny IDX files, valid or deliberately broken, for the reader and loader tests. */
final class IdxFixtures {

    static final int UNSIGNED_BYTE = 0x08;

    private IdxFixtures() {
    }

    /** Header {@code 0 0 type rank}, the dimensions, then {@code data} as given (no checks). */
    static byte[] idx(int zero1, int zero2, int type, int[] dims, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        buffer.put((byte) zero1).put((byte) zero2).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            buffer.putInt(d);
        }
        buffer.put(data);
        return buffer.array();
    }

    /** A valid unsigned-byte IDX file of {@code dims} holding {@code data}. */
    static byte[] idx(int[] dims, byte[] data) {
        return idx(0, 0, UNSIGNED_BYTE, dims, data);
    }

    /** {@code n} images of {@code rows × cols}, pixel value {@code (i * 7 + k) % 256}. */
    static byte[] images(int n, int rows, int cols) {
        byte[] data = new byte[n * rows * cols];
        for (int k = 0; k < data.length; k++) {
            data[k] = (byte) ((k * 7) % 256);
        }
        return idx(new int[] {n, rows, cols}, data);
    }

    static byte[] labels(int... values) {
        byte[] data = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            data[i] = (byte) values[i];
        }
        return idx(new int[] {values.length}, data);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
