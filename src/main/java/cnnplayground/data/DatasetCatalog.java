package cnnplayground.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The datasets the app offers, and how each is loaded: the bundled digits, Fashion-MNIST from its
 * Debian package, the generated shapes, and an IDX or image folder the user picks.
 *
 * <p>Immutable; the folders are constructor arguments so tests can point at fixtures or at a
 * missing path.
 *
 * @param digitsDir the bundled digits' IDX folder
 * @param fashionMnistDir where the {@value #FASHION_MNIST_PACKAGE} package puts its IDX files
 */
public record DatasetCatalog(Path digitsDir, Path fashionMnistDir) {

    /** Where Debian's {@code dataset-fashion-mnist} installs the IDX files. */
    public static final Path FASHION_MNIST_DIR = Path.of("/usr/share/datasets/fashion-mnist");
    public static final String FASHION_MNIST_PACKAGE = "dataset-fashion-mnist";
    public static final String FASHION_MNIST_INSTALL = "sudo apt-get install " + FASHION_MNIST_PACKAGE;
    /** Zalando's label names, by label 0..9. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover",
            "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** What the chooser lists, in order; the folder sources ask the user for a folder first. */
    public enum Source {
        DIGITS("Digits", false),
        FASHION_MNIST("Fashion-MNIST", false),
        SHAPES("Shapes", false),
        IDX_FOLDER("IDX folder…", true),
        IMAGE_FOLDER("Image folder…", true);

        private final String label;
        private final boolean needsFolder;

        Source(String label, boolean needsFolder) {
            this.label = label;
            this.needsFolder = needsFolder;
        }

        /** The chooser's text. */
        public String label() {
            return label;
        }

        /** Whether the user must pick a folder before loading. */
        public boolean needsFolder() {
            return needsFolder;
        }
    }

    public DatasetCatalog {
        if (digitsDir == null || fashionMnistDir == null) {
            throw new IllegalArgumentException("DatasetCatalog folders must not be null, got digitsDir "
                    + digitsDir + ", fashionMnistDir " + fashionMnistDir);
        }
    }

    /** The catalog with Fashion-MNIST where its package installs it. */
    public static DatasetCatalog withDigitsAt(Path digitsDir) {
        return new DatasetCatalog(digitsDir, FASHION_MNIST_DIR);
    }

    /** Why {@code source} cannot be loaded as things stand, with the fix; empty when it can be tried. */
    public Optional<String> unavailable(Source source) {
        if (source == Source.FASHION_MNIST && !Files.isDirectory(fashionMnistDir)) {
            return Optional.of("Fashion-MNIST is not installed (no folder " + fashionMnistDir + "); install it with: "
                    + FASHION_MNIST_INSTALL);
        }
        if (source == Source.DIGITS && !Files.isDirectory(digitsDir)) {
            return Optional.of("No digits dataset at " + digitsDir.toAbsolutePath()
                    + "; start the app from the project folder");
        }
        return Optional.empty();
    }

    /** The bundled digits (10,000 28×28×1 images, training split only). */
    public LoadedDataset digits() throws DatasetException {
        requireAvailable(Source.DIGITS);
        return LoadedDataset.of(Source.DIGITS.label(), DatasetLoader.loadIdxDirectory(digitsDir));
    }

    /** Fashion-MNIST's 60,000 training and 10,000 test images, with Zalando's class names. */
    public LoadedDataset fashionMnist() throws DatasetException {
        requireAvailable(Source.FASHION_MNIST);
        DatasetSplits numbered = DatasetLoader.loadIdxDirectory(fashionMnistDir);
        if (numbered.train().numClasses() != FASHION_MNIST_CLASSES.size()) {
            throw new DatasetException(fashionMnistDir + ": labels go up to " + (numbered.train().numClasses() - 1)
                    + " but Fashion-MNIST has " + FASHION_MNIST_CLASSES.size() + " classes (0..9)");
        }
        return LoadedDataset.of(Source.FASHION_MNIST.label(), new DatasetSplits(
                numbered.train().withClassNames(FASHION_MNIST_CLASSES),
                numbered.test().map(t -> t.withClassNames(FASHION_MNIST_CLASSES))));
    }

    /** {@value ShapesDataset#DEFAULT_COUNT} generated 32×32×3 shapes and a 20 % test split. */
    public LoadedDataset shapes() {
        return LoadedDataset.of(Source.SHAPES.label(), ShapesDataset.splits(ShapesDataset.DEFAULT_COUNT,
                ShapesDataset.DEFAULT_SIZE, ShapesDataset.DEFAULT_SEED));
    }

    /** Any IDX folder, named after the folder. */
    public LoadedDataset idxFolder(Path dir) throws DatasetException {
        return LoadedDataset.of(folderName(dir), DatasetLoader.loadIdxDirectory(dir));
    }

    /** An image folder, one sub-folder per class; see {@link ImageFolderLoader}. */
    public LoadedDataset imageFolder(Path dir, int height, int width, int channels) throws DatasetException {
        return ImageFolderLoader.load(dir, height, width, channels);
    }

    private void requireAvailable(Source source) throws DatasetException {
        Optional<String> problem = unavailable(source);
        if (problem.isPresent()) {
            throw new DatasetException(problem.get());
        }
    }

    private static String folderName(Path dir) {
        Path name = dir.getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}
