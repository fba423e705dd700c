package cnnplayground.ui;

import cnnplayground.data.DatasetException;
import cnnplayground.data.ImageDataset;
import java.nio.file.Path;
import java.util.stream.IntStream;

/** The bundled digits, cut down so that a test trains in seconds. */
public final class TestDatasets {

    private static ImageDataset all;

    private TestDatasets() {
    }

    public static synchronized ImageDataset digits(int n) {
        if (all == null) {
            try {
                System.setProperty(DatasetLocator.PROPERTY, Path.of("datasets").toAbsolutePath().toString());
                all = DatasetLocator.loadDigits();
            } catch (DatasetException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return all.subset(IntStream.range(0, n).toArray());
    }
}
