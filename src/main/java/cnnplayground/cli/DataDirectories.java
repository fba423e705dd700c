package cnnplayground.cli;

import cnnplayground.data.DatasetCatalog;
import cnnplayground.data.DatasetException;
import cnnplayground.data.DatasetLoader;
import cnnplayground.data.DatasetSplits;
import cnnplayground.data.ImageFolderLoader;
import cnnplayground.data.ImageSize;
import cnnplayground.data.LoadedDataset;
import cnnplayground.spec.Shape;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads a command's {@code --data}: an IDX folder, an image folder (one sub-folder of images per class,
 * as the app's Data tab reads it), or one of the app's named sources ({@value #SHAPES},
 * {@value #FASHION_MNIST}), turning a refusal into one line.
 */
final class DataDirectories {

    static final String SHAPES = "shapes";
    static final String FASHION_MNIST = "fashion-mnist";
    static final String IMAGE_SIZE_OPTION = "--image-size";

    private DataDirectories() {
    }

    /** {@link #load(String, Shape, Optional, PrintStream)} for a source that must not be an image folder. */
    static DatasetSplits load(String dir) throws UsageException {
        DatasetCatalog catalog = DatasetCatalog.withDigitsAt(Path.of("datasets", "digits"));
        try {
            return switch (dir) {
                case SHAPES -> catalog.shapes().splits();
                case FASHION_MNIST -> catalog.fashionMnist().splits();
                default -> DatasetLoader.loadIdxDirectory(Path.of(dir));
            };
        } catch (DatasetException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Loads {@code dir}; an image folder's images are stretched to {@code imageSize} (typed as
     * {@code H×W×C}), by default to the network's input {@code networkInput}, and what the loader fixed
     * (skipped files, resized images) is said on {@code err}, as the app's Data tab says it.
     */
    static DatasetSplits load(String dir, Shape networkInput, Optional<String> imageSize, PrintStream err)
            throws UsageException {
        Path path = Path.of(dir);
        if (dir.equals(SHAPES) || dir.equals(FASHION_MNIST) || !isImageFolder(path)) {
            if (imageSize.isPresent()) {
                throw new UsageException(IMAGE_SIZE_OPTION + " is for image folders (one sub-folder of images per "
                        + "class); " + dir + " is not one");
            }
            return load(dir);
        }
        ImageSize size = imageSize(networkInput, imageSize);
        try {
            LoadedDataset loaded = ImageFolderLoader.load(path, size.height(), size.width(), size.channels());
            for (String note : loaded.notes()) {
                err.println("note: " + note);
            }
            return loaded.splits();
        } catch (DatasetException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static ImageSize imageSize(Shape networkInput, Optional<String> typed) throws UsageException {
        if (typed.isPresent()) {
            return ImageSize.parse(typed.get()).orElseThrow(() -> new UsageException(IMAGE_SIZE_OPTION + ": "
                    + ImageSize.problem(typed.get())));
        }
        Optional<ImageSize> fromNetwork = ImageSize.parse(networkInput.toString());
        return fromNetwork.orElseThrow(() -> new UsageException("the network takes " + networkInput + " images, which "
                + "an image folder cannot be read as (sides 1.." + ImageSize.MAX_SIDE + ", 1 or 3 channels); "
                + "set the network's input to such a size"));
    }

    /**
     * A folder with at least one sub-folder and no IDX file: the app's image-folder layout. The loader then
     * refuses what cannot make a dataset (one class, a class without images) with the reason.
     */
    static boolean isImageFolder(Path dir) throws UsageException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            boolean sawFolder = false;
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (name.contains("-idx") && name.contains("-ubyte")) {
                    return false;
                }
                sawFolder |= !name.startsWith(".") && Files.isDirectory(entry);
            }
            return sawFolder;
        } catch (IOException e) {
            throw new UsageException(dir + ": cannot list directory: " + e.getMessage());
        }
    }
}
