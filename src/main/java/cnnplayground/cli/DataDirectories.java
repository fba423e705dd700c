package cnnplayground.cli;

import cnnplayground.data.DatasetException;
import cnnplayground.data.DatasetLoader;
import cnnplayground.data.DatasetSplits;
import java.nio.file.Path;

/** Loads a dataset directory for a command, turning a refusal into one line. */
final class DataDirectories {

    private DataDirectories() {
    }

    static DatasetSplits load(String dir) throws UsageException {
        try {
            return DatasetLoader.loadIdxDirectory(Path.of(dir));
        } catch (DatasetException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
