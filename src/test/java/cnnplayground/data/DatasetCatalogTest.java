package cnnplayground.data;

import cnnplayground.Prerequisites;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnnplayground.data.DatasetCatalog.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogTest {

    private static final Path DIGITS = Path.of("datasets", "digits");

    @TempDir
    Path dir;

    @Test
    void lists_the_sources_in_the_choosers_order() {
        assertEquals(List.of("Digits", "Fashion-MNIST", "Shapes", "IDX folder…", "Image folder…"),
                List.of(Source.values()).stream().map(Source::label).toList());
    }

    @Test
    void finds_fashion_mnist_where_the_debian_package_installs_it() throws DatasetException {
        Prerequisites.require(Files.isDirectory(DatasetCatalog.FASHION_MNIST_DIR), "dataset-fashion-mnist is not installed here");
        DatasetCatalog catalog = DatasetCatalog.withDigitsAt(DIGITS);

        LoadedDataset fashion = catalog.fashionMnist();

        assertEquals(Optional.empty(), catalog.unavailable(Source.FASHION_MNIST));
        assertEquals("Fashion-MNIST", fashion.name());
        assertEquals(60_000, fashion.train().n());
        assertEquals(10_000, fashion.splits().test().orElseThrow().n());
        assertEquals(28, fashion.train().height());
        assertEquals("Ankle boot", fashion.train().classNames().get(9));
        assertEquals(DatasetCatalog.FASHION_MNIST_CLASSES, fashion.splits().test().orElseThrow().classNames());
    }

    @Test
    void says_which_command_installs_fashion_mnist_when_it_is_missing() {
        Path missing = dir.resolve("no-fashion");
        DatasetCatalog catalog = new DatasetCatalog(DIGITS, missing);

        String problem = catalog.unavailable(Source.FASHION_MNIST).orElseThrow();
        DatasetException e = assertThrows(DatasetException.class, catalog::fashionMnist);

        assertTrue(problem.contains("not installed") && problem.contains(missing.toString())
                && problem.endsWith("sudo apt-get install dataset-fashion-mnist"), problem);
        assertEquals(problem, e.getMessage());
    }

    @Test
    void generates_shapes_with_nothing_installed() {
        DatasetCatalog catalog = new DatasetCatalog(dir.resolve("none"), dir.resolve("none"));

        LoadedDataset shapes = catalog.shapes();

        assertEquals(Optional.empty(), catalog.unavailable(Source.SHAPES));
        assertEquals("Shapes", shapes.name());
        assertEquals(3, shapes.train().channels());
        assertArrayEquals(new int[] {500, 500, 500, 500}, shapes.train().classCounts());
        assertEquals(400, shapes.splits().test().orElseThrow().n());
    }

    @Test
    void loads_the_bundled_digits() throws DatasetException {
        LoadedDataset digits = DatasetCatalog.withDigitsAt(DIGITS).digits();

        assertEquals("Digits", digits.name());
        assertEquals(10, digits.train().numClasses());
    }

    @Test
    void an_idx_folder_is_named_after_the_folder() throws Exception {
        Path letters = Files.createDirectories(dir.resolve("letters"));
        IdxFixtures.write(letters, "letters-images-idx3-ubyte", IdxFixtures.images(4, 3, 2));
        IdxFixtures.write(letters, "letters-labels-idx1-ubyte", IdxFixtures.labels(0, 1, 1, 0));

        LoadedDataset loaded = DatasetCatalog.withDigitsAt(DIGITS).idxFolder(letters);

        assertEquals("letters", loaded.name());
        assertEquals(4, loaded.train().n());
    }
}
