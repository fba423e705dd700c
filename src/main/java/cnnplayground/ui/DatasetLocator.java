package cnnplayground.ui;

import cnnplayground.data.DatasetException;
import cnnplayground.data.DatasetLoader;
import cnnplayground.data.ImageDataset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the bundled digits: {@code <datasets>/digits}, where {@code <datasets>} is the system
 * property {@value #PROPERTY} or else {@code datasets} under the working directory.
 */
public final class DatasetLocator {

    public static final String PROPERTY = "cnnplayground.datasets";
    public static final String DEFAULT_FOLDER = "datasets";
    public static final String DIGITS = "digits";

    private DatasetLocator() {
    }

    public static Path digitsFolder() {
        String configured = System.getProperty(PROPERTY);
        Path root = configured == null || configured.isBlank() ? Path.of(DEFAULT_FOLDER) : Path.of(configured);
        return root.resolve(DIGITS);
    }

    /** Loads the bundled digits' training split; the exception says what is missing and where. */
    public static ImageDataset loadDigits() throws DatasetException {
        Path folder = digitsFolder();
        if (!Files.isDirectory(folder)) {
            throw new DatasetException("No digits dataset at " + folder.toAbsolutePath()
                    + "; start the app from the project folder or set -D" + PROPERTY + "=<datasets folder>");
        }
        return DatasetLoader.loadIdxDirectory(folder).train();
    }

    /** {@link #describe(String, ImageDataset)} in the window's language, following it when it changes. */
    public static javafx.beans.binding.StringBinding describe(cnnplayground.ui.i18n.UiText text, String name,
                                                              ImageDataset data) {
        return text.text("status.dataset", name, String.format(java.util.Locale.ROOT, "%,d", data.n()),
                data.height() + "×" + data.width() + "×" + data.channels(), String.valueOf(data.numClasses()));
    }

    /** "digits — 10,000 images 28×28×1, 10 classes". */
    public static String describe(String name, ImageDataset data) {
        return String.format(java.util.Locale.ROOT, "%s — %,d images %d×%d×%d, %d classes", name, data.n(),
                data.height(), data.width(), data.channels(), data.numClasses());
    }
}
