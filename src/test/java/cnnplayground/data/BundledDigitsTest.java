package cnnplayground.data;

import cnnplayground.Prerequisites;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dataset shipped in datasets/digits, as the app and the CLI load it. */
class BundledDigitsTest {

    /** Surefire runs in the project directory. */
    private static final Path DIGITS = Path.of("datasets", "digits");
    private static final Path MNIST_TEST = Path.of("..", "shared", "datasets", "mnist-t10k");
    /** From datasets/README.md; the build script prints the same counts. */
    private static final int[] CLASS_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    private static DatasetSplits splits;

    @BeforeAll
    static void load() throws DatasetException {
        splits = DatasetLoader.loadIdxDirectory(DIGITS);
    }

    @Test
    void holds_10000_greyscale_28x28_digits_in_10_classes() {
        ImageDataset digits = splits.train();

        assertEquals(10_000, digits.n());
        assertEquals(28, digits.height());
        assertEquals(28, digits.width());
        assertEquals(1, digits.channels());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), digits.classNames());
        assertFalse(splits.hasSeparateTest());
    }

    @Test
    void has_the_documented_class_counts() {
        int[] counts = splits.train().classCounts();

        assertArrayEquals(CLASS_COUNTS, counts);
        assertEquals(10_000, Arrays.stream(counts).sum());
    }

    @Test
    void uses_the_full_pixel_range_with_a_black_background() {
        ImageDataset digits = splits.train();
        int[] histogram = new int[256];
        for (byte b : digits.pixels()) {
            histogram[b & 0xFF]++;
        }

        assertTrue(histogram[0] > digits.n() * 28 * 28 / 2, "most pixels are background 0");
        assertTrue(histogram[255] > 0 || histogram[254] > 0 || histogram[253] > 0, "strokes reach full ink");
        // Corners are background in MNIST.
        assertEquals(0, digits.pixel(0, 0, 0, 0));
        assertEquals(0, digits.pixel(9_999, 27, 27, 0));
    }

    @Test
    void is_shuffled_rather_than_sorted_by_class() {
        int[] labels = splits.train().labels();
        Set<Integer> firstHundred = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            firstHundred.add(labels[i]);
        }

        assertEquals(10, firstHundred.size());
    }

    @Test
    void has_mnist_like_normalization() {
        Normalization norm = Normalization.fromDataset(splits.train());

        // The full MNIST training set: mean 0.1307, std 0.3081.
        assertEquals(0.1307, norm.mean(), 0.01);
        assertEquals(0.3081, norm.std(), 0.01);
    }

    @Test
    void the_held_out_mnist_test_set_loads_when_present() throws DatasetException {
        Prerequisites.require(Files.isDirectory(MNIST_TEST), "no " + MNIST_TEST + " beside this checkout");

        ImageDataset test = DatasetLoader.loadIdxDirectory(MNIST_TEST).train();

        assertEquals(10_000, test.n());
        assertEquals(10, test.numClasses());
        assertEquals(28, test.height());
    }
}
