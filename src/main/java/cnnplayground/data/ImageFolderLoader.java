package cnnplayground.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Loads an image folder: one sub-folder per class (its name is the class name), each holding PNG,
 * JPEG, BMP or GIF files, grey or RGB, of any size.
 *
 * <p>Every image is converted to the chosen channels and stretched to the chosen size (see
 * {@link ImageFiles#toModelInput}); files that are not images, or that cannot be read, are skipped.
 * Each of those fixes becomes a note, so the user learns what happened to the files. A folder that
 * cannot make a dataset (no class folders, one class, an empty class, no images) is refused with
 * a message naming the folder.
 */
public final class ImageFolderLoader {

    /** File name endings read as images; other files are skipped with a note. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    /** How many file names a note lists before "…". */
    private static final int NAMES_IN_NOTE = 5;
    private static final float MAX_BYTE = 255f;

    private ImageFolderLoader() {
    }

    /**
     * Reads {@code dir} as {@code height × width × channels} images; the classes are its
     * sub-folders in name order. Hidden files and folders (names starting with a dot) are ignored.
     *
     * @param channels 1 (grey) or 3 (RGB)
     * @return the training set only (an image folder has no test split) and the notes
     * @throws DatasetException if {@code dir} is no folder, has fewer than two class folders, a class
     *     folder without a readable image, or cannot be listed
     */
    public static LoadedDataset load(Path dir, int height, int width, int channels) throws DatasetException {
        if (height < 1 || width < 1 || channels != 1 && channels != 3) {
            throw new IllegalArgumentException("image size must be at least 1×1 with 1 or 3 channels, got "
                    + height + "×" + width + "×" + channels);
        }
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir + ": " + (Files.exists(dir) ? "is not a folder" : "folder does not exist")
                    + "; expected a folder with one sub-folder of images per class");
        }
        List<Path> classDirs = list(dir).stream().filter(Files::isDirectory).toList();
        if (classDirs.isEmpty()) {
            throw new DatasetException(dir + ": no class folders; put each class's images in its own"
                    + " sub-folder, for example " + dir.resolve("cats") + " and " + dir.resolve("dogs"));
        }
        if (classDirs.size() < DatasetLoader.MIN_CLASSES) {
            throw new DatasetException(dir + ": only one class folder (" + classDirs.get(0).getFileName()
                    + "); a classifier needs at least " + DatasetLoader.MIN_CLASSES + " classes");
        }

        List<String> classNames = new ArrayList<>();
        List<List<Path>> imageFiles = new ArrayList<>();
        List<String> notImages = new ArrayList<>();
        for (Path classDir : classDirs) {
            classNames.add(classDir.getFileName().toString());
            List<Path> images = new ArrayList<>();
            for (Path file : list(classDir)) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                if (IMAGE_EXTENSIONS.contains(extension(file))) {
                    images.add(file);
                } else {
                    notImages.add(dir.relativize(file).toString());
                }
            }
            imageFiles.add(images);
        }
        if (imageFiles.stream().allMatch(List::isEmpty)) {
            throw new DatasetException(dir + ": none of the " + classDirs.size() + " class folders holds an image"
                    + " (PNG, JPEG, BMP or GIF)");
        }

        int imageSize = height * width * channels;
        List<byte[]> pixels = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        Set<String> otherSizes = new TreeSet<>();
        int resized = 0;
        for (int label = 0; label < classDirs.size(); label++) {
            int read = 0;
            for (Path file : imageFiles.get(label)) {
                FloatGrid image;
                try {
                    image = ImageFiles.read(file);
                } catch (DatasetException e) {
                    unreadable.add(dir.relativize(file).toString());
                    continue;
                }
                if (image.height() != height || image.width() != width) {
                    resized++;
                    otherSizes.add(image.height() + "×" + image.width());
                }
                pixels.add(toBytes(ImageFiles.toModelInput(image, height, width, channels)));
                labels.add(label);
                read++;
            }
            if (read == 0) {
                throw new DatasetException(classDirs.get(label) + ": class folder \"" + classNames.get(label)
                        + "\" holds no readable image; add PNG or JPEG images to it or remove it");
            }
        }

        byte[] all = new byte[pixels.size() * imageSize];
        for (int i = 0; i < pixels.size(); i++) {
            System.arraycopy(pixels.get(i), 0, all, i * imageSize, imageSize);
        }
        ImageDataset train = new ImageDataset(pixels.size(), height, width, channels, all,
                labels.stream().mapToInt(Integer::intValue).toArray(), classNames, dir.toString());

        List<String> notes = new ArrayList<>();
        if (resized > 0) {
            notes.add(count(resized, "image was", "images were") + " resized to " + height + "×" + width
                    + " from other sizes (" + String.join(", ", otherSizes) + ")");
        }
        if (!notImages.isEmpty()) {
            notes.add(count(notImages.size(), "file is not an image and was", "files are not images and were")
                    + " skipped: " + names(notImages));
        }
        if (!unreadable.isEmpty()) {
            notes.add(count(unreadable.size(), "image", "images") + " could not be read and "
                    + (unreadable.size() == 1 ? "was" : "were") + " skipped: " + names(unreadable));
        }
        Path name = dir.getFileName();
        return new LoadedDataset(name == null ? dir.toString() : name.toString(), DatasetSplits.trainOnly(train),
                notes);
    }

    private static List<Path> list(Path dir) throws DatasetException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(dir + ": cannot list the folder: " + e.getMessage(), e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static byte[] toBytes(FloatGrid image) {
        float[] values = image.values();
        byte[] bytes = new byte[values.length];
        for (int k = 0; k < values.length; k++) {
            bytes[k] = (byte) Math.round(Math.max(0f, Math.min(1f, values[k])) * MAX_BYTE);
        }
        return bytes;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String names(List<String> names) {
        List<String> shown = names.subList(0, Math.min(NAMES_IN_NOTE, names.size()));
        return String.join(", ", shown) + (names.size() > NAMES_IN_NOTE ? ", …" : "");
    }
}
