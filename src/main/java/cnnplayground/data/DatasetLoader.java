package cnnplayground.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads datasets from disk.
 *
 * <p>An IDX directory holds pairs {@code PREFIX-images-idx3-ubyte[.gz]} and
 * {@code PREFIX-labels-idx1-ubyte[.gz]} (a dot instead of the dash before {@code idx} is
 * accepted too, as some mirrors rename them). With a {@code train-} and a {@code t10k-}
 * pair (the MNIST and Fashion-MNIST layout), training uses {@code train-} and evaluation
 * {@code t10k-}; with a single pair of any prefix, that pair is the training set.
 */
public final class DatasetLoader {

    /** The MNIST names of the training and the test pair. */
    public static final String TRAIN_PREFIX = "train";
    public static final String TEST_PREFIX = "t10k";
    /** Binary tasks still get two classes, so a set of only zeros has a "1" to predict. */
    public static final int MIN_CLASSES = 2;

    private static final Pattern IMAGES_FILE = Pattern.compile("(.+)-images[-.]idx3-ubyte(\\.gz)?");
    private static final Pattern LABELS_FILE = Pattern.compile("(.+)-labels[-.]idx1-ubyte(\\.gz)?");
    private static final int UNSIGNED_BYTE_MASK = 0xFF;
    /** IDX image files are rank 3 (count, rows, columns): one channel. */
    private static final int GREYSCALE = 1;

    private DatasetLoader() {
    }

    /**
     * Loads the IDX pair(s) in {@code dir}; class names are {@code "0" .. "N-1"} with
     * N = highest label in any pair + 1 (at least {@value #MIN_CLASSES}).
     *
     * @throws DatasetException if the directory is missing, holds no image file, an image
     *     file without its label file (or the reverse), pairs that are ambiguous, or files
     *     {@link IdxReader} refuses or whose counts or image sizes disagree
     */
    public static DatasetSplits loadIdxDirectory(Path dir) throws DatasetException {
        if (!Files.isDirectory(dir)) {
            String problem = Files.exists(dir) ? "is not a directory" : "directory does not exist";
            throw new DatasetException(dir + ": " + problem
                    + "; expected a directory holding *-images-idx3-ubyte.gz and *-labels-idx1-ubyte.gz");
        }
        List<String> names = listFileNames(dir);
        TreeMap<String, Path> images = filesByPrefix(dir, names, IMAGES_FILE);
        TreeMap<String, Path> labels = filesByPrefix(dir, names, LABELS_FILE);
        if (images.isEmpty()) {
            throw new DatasetException(dir + ": no *-images-idx3-ubyte[.gz] file found among "
                    + (names.isEmpty() ? "no files" : names));
        }
        for (String prefix : images.keySet()) {
            if (!labels.containsKey(prefix)) {
                throw new DatasetException(dir + ": " + images.get(prefix).getFileName() + " has no label file "
                        + prefix + "-labels-idx1-ubyte[.gz] beside it");
            }
        }
        for (String prefix : labels.keySet()) {
            if (!images.containsKey(prefix)) {
                throw new DatasetException(dir + ": " + labels.get(prefix).getFileName() + " has no image file "
                        + prefix + "-images-idx3-ubyte[.gz] beside it");
            }
        }

        String trainPrefix;
        Optional<String> testPrefix;
        if (images.size() == 1) {
            trainPrefix = images.firstKey();
            testPrefix = Optional.empty();
        } else if (images.size() == 2 && images.containsKey(TRAIN_PREFIX) && images.containsKey(TEST_PREFIX)) {
            trainPrefix = TRAIN_PREFIX;
            testPrefix = Optional.of(TEST_PREFIX);
        } else {
            throw new DatasetException(dir + ": found image/label pairs with prefixes " + images.keySet()
                    + "; expected one pair, or exactly a " + TRAIN_PREFIX + "- and a " + TEST_PREFIX
                    + "- pair. Move the others to their own directory.");
        }

        RawPair train = readPair(images.get(trainPrefix), labels.get(trainPrefix));
        Optional<RawPair> test = Optional.empty();
        if (testPrefix.isPresent()) {
            RawPair rawTest = readPair(images.get(testPrefix.get()), labels.get(testPrefix.get()));
            if (rawTest.rows != train.rows || rawTest.columns != train.columns) {
                throw new DatasetException(rawTest.imageFile + ": images are " + rawTest.rows + "×" + rawTest.columns
                        + " but the training images in " + train.imageFile.getFileName() + " are "
                        + train.rows + "×" + train.columns + "; both sets must have one image size");
            }
            test = Optional.of(rawTest);
        }

        int maxLabel = Math.max(train.maxLabel(), test.map(RawPair::maxLabel).orElse(0));
        // One list for both splits, so label 7 means the same class in each.
        List<String> classNames = numericClassNames(Math.max(MIN_CLASSES, maxLabel + 1));
        return new DatasetSplits(train.toDataset(classNames), test.map(t -> t.toDataset(classNames)));
    }

    /**
     * Whether a dataset's source is an MNIST-style test file ({@code t10k-images…}): a folder holding only
     * that pair, such as the MNIST test set on its own, is a held-out set even though it is its only pair.
     */
    public static boolean isTestPair(String source) {
        String name = Path.of(source).getFileName() == null ? source : Path.of(source).getFileName().toString();
        return IMAGES_FILE.matcher(name).matches() && name.startsWith(TEST_PREFIX + "-");
    }

    /**
     * Loads one image file and its label file as a dataset with class names
     * {@code "0" .. "N-1"}, N = highest label + 1 (at least {@value #MIN_CLASSES}).
     */
    public static ImageDataset loadIdxPair(Path imageFile, Path labelFile) throws DatasetException {
        RawPair pair = readPair(imageFile, labelFile);
        return pair.toDataset(numericClassNames(Math.max(MIN_CLASSES, pair.maxLabel() + 1)));
    }

    private static RawPair readPair(Path imageFile, Path labelFile) throws DatasetException {
        IdxReader.IdxArray images = IdxReader.read(imageFile, IdxReader.Kind.IMAGES);
        IdxReader.IdxArray labels = IdxReader.read(labelFile, IdxReader.Kind.LABELS);
        int imageCount = images.dimensions()[0];
        int labelCount = labels.dimensions()[0];
        if (imageCount != labelCount) {
            throw new DatasetException(imageFile + ": " + imageCount + " images but " + labelCount + " labels in "
                    + labelFile.getFileName() + "; the two files must describe the same images");
        }
        byte[] labelBytes = labels.data();
        int[] labelValues = new int[labelCount];
        for (int i = 0; i < labelCount; i++) {
            labelValues[i] = labelBytes[i] & UNSIGNED_BYTE_MASK;
        }
        int[] dims = images.dimensions();
        return new RawPair(imageFile, dims[1], dims[2], images.data(), labelValues);
    }

    private static List<String> numericClassNames(int numClasses) {
        List<String> names = new ArrayList<>(numClasses);
        for (int c = 0; c < numClasses; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    private static List<String> listFileNames(Path dir) throws DatasetException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException(dir + ": cannot list directory: " + e.getMessage(), e);
        }
    }

    /**
     * Files matching {@code pattern}, by prefix; {@code names} must be sorted, which puts
     * {@code X} before {@code X.gz}. When both {@code X} and {@code X.gz} exist
     * (a {@code gunzip -k} leaves both) the uncompressed one wins: same data, faster to read.
     */
    private static TreeMap<String, Path> filesByPrefix(Path dir, List<String> names, Pattern pattern) {
        TreeMap<String, Path> byPrefix = new TreeMap<>();
        for (String name : names) {
            Matcher m = pattern.matcher(name);
            if (m.matches()) {
                boolean compressed = m.group(2) != null;
                if (!compressed || !byPrefix.containsKey(m.group(1))) {
                    byPrefix.put(m.group(1), dir.resolve(name));
                }
            }
        }
        return byPrefix;
    }

    /** One image file and its labels as read, before class names are known. */
    private record RawPair(Path imageFile, int rows, int columns, byte[] pixels, int[] labels) {

        int maxLabel() {
            int max = 0;
            for (int label : labels) {
                max = Math.max(max, label);
            }
            return max;
        }

        ImageDataset toDataset(List<String> classNames) {
            return new ImageDataset(labels.length, rows, columns, GREYSCALE, pixels, labels, classNames,
                    imageFile.toString());
        }
    }
}
