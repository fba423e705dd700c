package cnnplayground.data;

import static cnnplayground.data.IdxFixtures.gzip;
import static cnnplayground.data.IdxFixtures.images;
import static cnnplayground.data.IdxFixtures.labels;
import static cnnplayground.data.IdxFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    @Test
    void a_single_pair_of_any_prefix_is_the_training_and_evaluation_set() throws DatasetException {
        write(dir, "letters-images-idx3-ubyte.gz", gzip(images(4, 3, 2)));
        write(dir, "letters-labels-idx1-ubyte.gz", gzip(labels(0, 1, 1, 0)));

        DatasetSplits splits = DatasetLoader.loadIdxDirectory(dir);

        ImageDataset train = splits.train();
        assertEquals(4, train.n());
        assertEquals(3, train.height());
        assertEquals(2, train.width());
        assertEquals(1, train.channels());
        assertArrayEquals(new int[] {0, 1, 1, 0}, train.labels());
        assertFalse(splits.hasSeparateTest());
        assertSame(train, splits.evaluation());
        assertTrue(train.source().endsWith("letters-images-idx3-ubyte.gz"), train.source());
    }

    @Test
    void train_and_t10k_pairs_give_training_and_test_sets_sharing_class_names() throws DatasetException {
        write(dir, "train-images-idx3-ubyte.gz", gzip(images(3, 2, 2)));
        write(dir, "train-labels-idx1-ubyte.gz", gzip(labels(0, 1, 2)));
        write(dir, "t10k-images-idx3-ubyte", images(2, 2, 2));
        write(dir, "t10k-labels-idx1-ubyte", labels(4, 0));

        DatasetSplits splits = DatasetLoader.loadIdxDirectory(dir);

        assertEquals(3, splits.train().n());
        assertTrue(splits.hasSeparateTest());
        assertEquals(2, splits.evaluation().n());
        assertSame(splits.test().orElseThrow(), splits.evaluation());
        List<String> fiveClasses = List.of("0", "1", "2", "3", "4");
        assertEquals(fiveClasses, splits.train().classNames());
        assertEquals(fiveClasses, splits.evaluation().classNames());
    }

    @Test
    void ten_labels_give_class_names_0_to_9_and_one_label_still_gives_two_classes() throws DatasetException {
        write(dir, "a-images-idx3-ubyte", images(10, 1, 1));
        write(dir, "a-labels-idx1-ubyte", labels(9, 8, 7, 6, 5, 4, 3, 2, 1, 0));
        Path only0 = dir.resolve("only0");
        only0.toFile().mkdir();
        write(only0, "z-images-idx3-ubyte", images(2, 1, 1));
        write(only0, "z-labels-idx1-ubyte", labels(0, 0));

        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
                DatasetLoader.loadIdxDirectory(dir).train().classNames());
        assertEquals(List.of("0", "1"), DatasetLoader.loadIdxDirectory(only0).train().classNames());
    }

    @Test
    void prefers_the_uncompressed_file_when_both_exist() throws DatasetException {
        write(dir, "x-images-idx3-ubyte", images(1, 1, 1));
        write(dir, "x-images-idx3-ubyte.gz", new byte[] {1, 2, 3});
        write(dir, "x-labels-idx1-ubyte.gz", gzip(labels(1)));

        assertEquals(1, DatasetLoader.loadIdxDirectory(dir).train().n());
    }

    @Test
    void refuses_a_missing_directory() {
        Path missing = dir.resolve("nope");

        String message = failure(missing);

        assertTrue(message.startsWith(missing + ": directory does not exist"), message);
    }

    @Test
    void refuses_a_directory_without_image_files_listing_what_is_there() {
        write(dir, "readme.txt", new byte[0]);

        String message = failure(dir);

        assertTrue(message.contains("no *-images-idx3-ubyte[.gz] file found among [readme.txt]"), message);
    }

    @Test
    void refuses_an_image_file_without_its_label_file() {
        write(dir, "train-images-idx3-ubyte.gz", gzip(images(1, 2, 2)));
        write(dir, "other-labels-idx1-ubyte.gz", gzip(labels(1)));

        String message = failure(dir);

        assertTrue(message.contains("train-images-idx3-ubyte.gz has no label file train-labels-idx1-ubyte"),
                message);
    }

    @Test
    void refuses_image_and_label_counts_that_differ() {
        write(dir, "train-images-idx3-ubyte", images(12, 2, 2));
        write(dir, "train-labels-idx1-ubyte", labels(new int[11]));

        String message = failure(dir);

        assertTrue(message.contains("train-images-idx3-ubyte: 12 images but 11 labels in train-labels-idx1-ubyte"),
                message);
    }

    @Test
    void refuses_ambiguous_pairs() {
        for (String prefix : List.of("train", "valid", "t10k")) {
            write(dir, prefix + "-images-idx3-ubyte", images(1, 1, 1));
            write(dir, prefix + "-labels-idx1-ubyte", labels(0));
        }

        String message = failure(dir);

        assertTrue(message.contains("prefixes [t10k, train, valid]"), message);
    }

    @Test
    void refuses_a_test_set_of_another_image_size() {
        write(dir, "train-images-idx3-ubyte", images(1, 28, 28));
        write(dir, "train-labels-idx1-ubyte", labels(0));
        write(dir, "t10k-images-idx3-ubyte", images(1, 32, 32));
        write(dir, "t10k-labels-idx1-ubyte", labels(0));

        String message = failure(dir);

        assertTrue(message.contains("t10k-images-idx3-ubyte: images are 32×32 but the training images"), message);
    }

    @Test
    void passes_on_reader_errors_naming_the_file() {
        write(dir, "train-images-idx3-ubyte", images(1, 2, 2));
        Path labelFile = write(dir, "train-labels-idx1-ubyte", images(1, 2, 2));

        String message = failure(dir);

        assertTrue(message.startsWith(labelFile + ": magic number 0x00000803 says images"), message);
    }

    private static String failure(Path directory) {
        return assertThrows(DatasetException.class, () -> DatasetLoader.loadIdxDirectory(directory)).getMessage();
    }
}
