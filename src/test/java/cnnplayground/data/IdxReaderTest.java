package cnnplayground.data;

import static cnnplayground.data.IdxFixtures.gzip;
import static cnnplayground.data.IdxFixtures.idx;
import static cnnplayground.data.IdxFixtures.images;
import static cnnplayground.data.IdxFixtures.labels;
import static cnnplayground.data.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.IdxReader.IdxArray;
import cnnplayground.data.IdxReader.Kind;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void reads_a_plain_image_file() throws DatasetException {
        Path file = write(dir, "x-images-idx3-ubyte", images(2, 3, 4));

        IdxArray read = IdxReader.read(file, Kind.IMAGES);

        assertArrayEquals(new int[] {2, 3, 4}, read.dimensions());
        assertEquals(24, read.data().length);
        assertEquals(7 * 5, read.data()[5]);
        assertEquals((byte) (7 * 23 % 256), read.data()[23]);
    }

    @Test
    void detects_gzip_by_content_not_by_name() throws DatasetException {
        byte[] plain = labels(3, 1, 4, 1, 5);
        Path gzippedWithoutSuffix = write(dir, "a-labels-idx1-ubyte", gzip(plain));
        Path plainWithGzSuffix = write(dir, "b-labels-idx1-ubyte.gz", plain);

        IdxArray fromGzip = IdxReader.read(gzippedWithoutSuffix, Kind.LABELS);
        IdxArray fromPlain = IdxReader.read(plainWithGzSuffix, Kind.LABELS);

        assertArrayEquals(new byte[] {3, 1, 4, 1, 5}, fromGzip.data());
        assertArrayEquals(fromGzip.data(), fromPlain.data());
        assertArrayEquals(new int[] {5}, fromGzip.dimensions());
    }

    @Test
    void reads_unsigned_bytes_above_127() throws DatasetException {
        Path file = write(dir, "l", labels(255, 128));

        byte[] data = IdxReader.read(file, Kind.LABELS).data();

        assertEquals(255, data[0] & 0xFF);
        assertEquals(128, data[1] & 0xFF);
    }

    @Test
    void refuses_nonzero_first_magic_bytes() {
        Path file = write(dir, "notidx.bin", idx(0x50, 0x4b, 0x08, new int[] {1}, new byte[1]));

        String message = failure(file, Kind.LABELS);

        assertTrue(message.startsWith(file.toString() + ": "), message);
        assertTrue(message.contains("magic number starts with bytes 0x50 0x4b, expected 0x00 0x00"), message);
    }

    @Test
    void refuses_a_data_type_other_than_unsigned_byte_naming_it() {
        Path file = write(dir, "floats-idx1", idx(0, 0, 0x0D, new int[] {1}, new byte[4]));

        String message = failure(file, Kind.LABELS);

        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("data type 0x0d (32-bit float)"), message);
        assertTrue(message.contains("only 0x08 (unsigned byte)"), message);
    }

    @Test
    void refuses_an_image_file_where_labels_are_expected() {
        Path file = write(dir, "t10k-labels-idx1-ubyte.gz", gzip(images(1, 2, 2)));

        String message = failure(file, Kind.LABELS);

        assertEquals(file + ": magic number 0x00000803 says images (rank 3) but a label file (rank 1)"
                + " was expected", message);
    }

    @Test
    void refuses_a_rank_neither_kind_has() {
        Path file = write(dir, "matrix", idx(new int[] {2, 2}, new byte[4]));

        String message = failure(file, Kind.IMAGES);

        assertTrue(message.contains("magic number 0x00000802 says rank 2 but an image file (rank 3)"), message);
    }

    @Test
    void refuses_a_zero_dimension_naming_it() {
        Path file = write(dir, "empty-rows", idx(new int[] {3, 0, 28}, new byte[0]));

        String message = failure(file, Kind.IMAGES);

        assertTrue(message.contains(file.toString()), message);
        assertTrue(message.contains("dimension 2 (rows) is 0"), message);
    }

    @Test
    void refuses_truncated_data_saying_how_much_is_there() {
        byte[] full = images(2, 2, 2);
        Path file = write(dir, "cut", Arrays.copyOf(full, full.length - 3));

        String message = failure(file, Kind.IMAGES);

        assertTrue(message.contains("file ends after 5 of 8 data bytes"), message);
    }

    @Test
    void refuses_truncated_data_inside_gzip_too() {
        byte[] full = labels(1, 2, 3, 4);
        Path file = write(dir, "cut.gz", gzip(Arrays.copyOf(full, full.length - 1)));

        String message = failure(file, Kind.LABELS);

        assertTrue(message.contains("file ends after 3 of 4 data bytes"), message);
    }

    @Test
    void refuses_a_truncated_header() {
        Path file = write(dir, "stub", new byte[] {0, 0, 8, 3, 0, 0});

        String message = failure(file, Kind.IMAGES);

        assertTrue(message.contains("file ends after 2 of 12 bytes of the dimensions"), message);
    }

    @Test
    void refuses_trailing_data() {
        byte[] full = labels(1, 2);
        Path file = write(dir, "long", Arrays.copyOf(full, full.length + 3));

        String message = failure(file, Kind.LABELS);

        assertTrue(message.contains("3 trailing bytes after the 2 data bytes"), message);
    }

    @Test
    void refuses_a_missing_file() {
        Path file = dir.resolve("nothing-here");

        assertEquals(file + ": file does not exist", failure(file, Kind.LABELS));
    }

    @Test
    void refuses_a_corrupt_gzip_stream() {
        byte[] compressed = gzip(images(4, 8, 8));
        for (int i = 12; i < compressed.length - 8; i++) {
            compressed[i] ^= 0x5A;
        }
        Path file = write(dir, "corrupt.gz", compressed);

        String message = failure(file, Kind.IMAGES);

        assertTrue(message.startsWith(file + ": "), message);
    }

    private static String failure(Path file, Kind kind) {
        return assertThrows(DatasetException.class, () -> IdxReader.read(file, kind)).getMessage();
    }
}
