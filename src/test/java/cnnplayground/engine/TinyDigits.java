package cnnplayground.engine;

import cnnplayground.data.DatasetException;
import cnnplayground.data.DatasetLoader;
import cnnplayground.data.ImageDataset;
import java.nio.file.Path;
import java.util.stream.IntStream;

/** The first {@code n} bundled digits: real data, small enough for a test. */
final class TinyDigits {

    static final Path BUNDLED = Path.of("datasets/digits");

    private TinyDigits() {
    }

    static ImageDataset first(int n) {
        try {
            return DatasetLoader.loadIdxDirectory(BUNDLED).train().subset(IntStream.range(0, n).toArray());
        } catch (DatasetException e) {
            throw new IllegalStateException(e);
        }
    }
}
