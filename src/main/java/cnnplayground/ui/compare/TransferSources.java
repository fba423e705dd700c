package cnnplayground.ui.compare;

import cnnplayground.data.DatasetCatalog;
import cnnplayground.ui.DatasetLocator;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the transfer-learning scenarios find their files: the bundled digits (the new task, digits
 * 5–9), Fashion-MNIST (the different domain's source images) and the shipped pretrained networks.
 * Tests hand in other places, e.g. a Fashion-MNIST folder that does not exist.
 *
 * @param digits       the bundled digits' IDX folder
 * @param fashionMnist Fashion-MNIST's IDX folder, where the Debian package installs it
 * @param pretrained   the folder of the pretrained {@code .cnnmodel} files
 */
public record TransferSources(Path digits, Path fashionMnist, Path pretrained) {

    /** System property naming the pretrained folder; {@value #DEFAULT_PRETRAINED} under the working directory else. */
    public static final String PRETRAINED_PROPERTY = "cnnplayground.pretrained";
    public static final String DEFAULT_PRETRAINED = "assets/pretrained";

    public TransferSources {
        if (digits == null || fashionMnist == null || pretrained == null) {
            throw new IllegalArgumentException("transfer sources need three folders, got " + digits + ", "
                    + fashionMnist + ", " + pretrained);
        }
    }

    /** The app's: {@link DatasetLocator#digitsFolder()}, {@link DatasetCatalog#FASHION_MNIST_DIR}, the assets. */
    public static TransferSources defaults() {
        String configured = System.getProperty(PRETRAINED_PROPERTY);
        Path pretrained = configured == null || configured.isBlank() ? Path.of(DEFAULT_PRETRAINED) : Path.of(configured);
        return new TransferSources(DatasetLocator.digitsFolder(), DatasetCatalog.FASHION_MNIST_DIR, pretrained);
    }

    public boolean hasFashionMnist() {
        return Files.isDirectory(fashionMnist);
    }

    public TransferSources withFashionMnist(Path folder) {
        return new TransferSources(digits, folder, pretrained);
    }
}
