package cnnplayground.cli;

import cnnplayground.data.DatasetCatalog;
import cnnplayground.data.DatasetException;
import cnnplayground.data.DatasetLoader;
import cnnplayground.data.DatasetSplits;
import java.nio.file.Path;

/**
 * Loads a command's {@code --data}: an IDX folder, or one of the app's named sources
 * ({@value #SHAPES}, {@value #FASHION_MNIST}), turning a refusal into one line.
 */
final class DataDirectories {

    static final String SHAPES = "shapes";
    static final String FASHION_MNIST = "fashion-mnist";

    private DataDirectories() {
    }

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
}
