package cnnplayground.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads one IDX file (the format MNIST and Fashion-MNIST are distributed in), plain or
 * gzip-compressed.
 *
 * <p>Format: a 4-byte magic number {@code 0x00 0x00 type rank}, then {@code rank}
 * big-endian unsigned 32-bit dimensions, then the product of the dimensions data values,
 * and nothing after them. Only type {@code 0x08} (unsigned byte) is accepted; every image
 * and label set in this project uses it.
 *
 * <p>Gzip is recognised by its magic bytes {@code 0x1f 0x8b}, not by the file name, since
 * decompressed files keep their {@code .gz} name surprisingly often.
 *
 * <p>Every check names the file and the field, with the value found and the value expected.
 */
public final class IdxReader {

    /** What the caller expects a file to hold; fixes the rank and the dimension names. */
    public enum Kind {
        /** Images: count × rows × columns. */
        IMAGES(List.of("count", "rows", "columns"), "images", "an image file"),
        /** Labels: count. */
        LABELS(List.of("count"), "labels", "a label file");

        private final List<String> dimensionNames;
        private final String contents;
        private final String fileDescription;

        Kind(List<String> dimensionNames, String contents, String fileDescription) {
            this.dimensionNames = dimensionNames;
            this.contents = contents;
            this.fileDescription = fileDescription;
        }

        /** Number of dimensions a file of this kind has. */
        public int rank() {
            return dimensionNames.size();
        }
    }

    /**
     * The contents of one IDX file. The arrays are freshly read and owned by the caller
     * (the reader keeps no reference); they are not copied again to spare 47 MB per
     * MNIST-sized file.
     *
     * @param file the file read
     * @param dimensions the dimensions from the header, each at least 1
     * @param data the unsigned-byte values, {@code product(dimensions)} of them
     */
    public record IdxArray(Path file, int[] dimensions, byte[] data) {
    }

    /** Gzip streams start with these two bytes (RFC 1952). */
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int UNSIGNED_BYTE_TYPE = 0x08;
    private static final int MAGIC_BYTES = 4;
    private static final int DIMENSION_BYTES = 4;
    private static final int BUFFER_BYTES = 1 << 16;
    /** The largest Java array the JVM reliably allocates. */
    private static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /**
     * Reads {@code file}, which must hold {@code expected} data.
     *
     * @throws DatasetException if the file is missing, unreadable, not IDX, of another type
     *     or rank than expected, or holds too little or too much data
     */
    public static IdxArray read(Path file, Kind expected) throws DatasetException {
        try (InputStream in = open(file)) {
            return read(file, in, expected);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": file does not exist", e);
        } catch (IOException e) {
            // Corrupt gzip streams land here too (ZipException, EOFException).
            throw new DatasetException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(Files.newInputStream(file), BUFFER_BYTES);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        if (first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2) {
            return new BufferedInputStream(new GZIPInputStream(buffered, BUFFER_BYTES), BUFFER_BYTES);
        }
        return buffered;
    }

    private static IdxArray read(Path file, InputStream in, Kind expected)
            throws IOException, DatasetException {
        byte[] magic = readHeader(file, in, MAGIC_BYTES, "magic number");
        int zero1 = magic[0] & 0xFF;
        int zero2 = magic[1] & 0xFF;
        int type = magic[2] & 0xFF;
        int rank = magic[3] & 0xFF;
        if (zero1 != 0 || zero2 != 0) {
            throw new DatasetException(String.format(
                    "%s: magic number starts with bytes 0x%02x 0x%02x, expected 0x00 0x00; not an IDX file",
                    file, zero1, zero2));
        }
        if (type != UNSIGNED_BYTE_TYPE) {
            throw new DatasetException(String.format(
                    "%s: magic number 0x%08x has data type 0x%02x (%s); only 0x%02x (unsigned byte) is supported",
                    file, magicValue(magic), type, typeName(type), UNSIGNED_BYTE_TYPE));
        }
        if (rank != expected.rank()) {
            throw new DatasetException(String.format(
                    "%s: magic number 0x%08x says %s but %s (rank %d) was expected",
                    file, magicValue(magic), describeRank(rank), expected.fileDescription, expected.rank()));
        }

        byte[] header = readHeader(file, in, rank * DIMENSION_BYTES, "dimensions");
        int[] dimensions = new int[rank];
        long total = 1;
        for (int d = 0; d < rank; d++) {
            long value = readUnsignedInt(header, d * DIMENSION_BYTES);
            String name = expected.dimensionNames.get(d);
            if (value == 0) {
                throw new DatasetException(file + ": dimension " + (d + 1) + " (" + name + ") is 0; "
                        + "every dimension must be at least 1");
            }
            total *= value;
            if (value > Integer.MAX_VALUE || total > MAX_DATA_BYTES) {
                throw new DatasetException(file + ": dimension " + (d + 1) + " (" + name + ") is " + value
                        + ", which makes more than " + MAX_DATA_BYTES + " data bytes; too large to load");
            }
            dimensions[d] = (int) value;
        }

        byte[] data = new byte[(int) total];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw new DatasetException(file + ": file ends after " + read + " of " + data.length
                    + " data bytes that the header's dimensions announce; it is truncated");
        }
        long trailing = in.transferTo(OutputStream.nullOutputStream());
        if (trailing > 0) {
            throw new DatasetException(file + ": " + trailing + " trailing bytes after the " + data.length
                    + " data bytes that the header's dimensions announce; the header does not match the data");
        }
        return new IdxArray(file, dimensions, data);
    }

    /** Reads {@code length} header bytes, or says which header field the file ends in. */
    private static byte[] readHeader(Path file, InputStream in, int length, String field)
            throws IOException, DatasetException {
        byte[] bytes = new byte[length];
        int read = in.readNBytes(bytes, 0, length);
        if (read < length) {
            throw new DatasetException(file + ": file ends after " + read + " of " + length
                    + " bytes of the " + field + "; not a complete IDX header");
        }
        return bytes;
    }

    private static long readUnsignedInt(byte[] bytes, int offset) {
        return ((long) (bytes[offset] & 0xFF) << 24)
                | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8)
                | (bytes[offset + 3] & 0xFF);
    }

    private static long magicValue(byte[] magic) {
        return readUnsignedInt(magic, 0);
    }

    private static String describeRank(int rank) {
        for (Kind kind : Kind.values()) {
            if (kind.rank() == rank) {
                return kind.contents + " (rank " + rank + ")";
            }
        }
        return "rank " + rank;
    }

    /** Names of the IDX data types, so a refusal says what the file holds. */
    private static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "16-bit short";
            case 0x0C -> "32-bit int";
            case 0x0D -> "32-bit float";
            case 0x0E -> "64-bit double";
            default -> "not an IDX data type";
        };
    }
}
