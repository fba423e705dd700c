package cnnplayground.spec.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz}: a zip of {@code .npy} files, one per array, which {@code numpy.load} reads
 * back as a mapping from name to array. Each {@code .npy} is format 1.0: the magic {@code \x93NUMPY},
 * version 1 0, a little-endian header length, then a Python dict literal ({@code 'descr': '<f4',
 * 'fortran_order': False, 'shape': (…)}) padded with spaces to a multiple of 64 bytes and ended by a
 * newline, then the float32 values little-endian in C order.
 */
public final class Npz {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    /** Magic, version and the two-byte header length come before the header text. */
    private static final int PREAMBLE = MAGIC.length + 2;
    private static final int ALIGNMENT = 64;
    /** Every entry's time: the same weights give the same bytes. */
    private static final java.time.LocalDateTime ENTRY_TIME = java.time.LocalDateTime.of(2000, 1, 1, 0, 0);

    private Npz() {
    }

    /** The {@code .npz} bytes of {@code arrays}, in the map's order, each under its name. */
    public static byte[] of(Map<String, WeightArray> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, WeightArray> e : arrays.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                entry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(npy(e.getValue().shape(), e.getValue().values()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /** One {@code .npy} file of float32 values in C order. */
    static byte[] npy(int[] shape, float[] values) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(shape[i]).append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
        }
        dims.append(')');
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + dims + ", }";
        int unpadded = PREAMBLE + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer out = ByteBuffer.allocate(PREAMBLE + header.length() + 4 * values.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) header.length()).put(header.getBytes(StandardCharsets.US_ASCII));
        for (float v : values) {
            out.putFloat(v);
        }
        return out.array();
    }
}
