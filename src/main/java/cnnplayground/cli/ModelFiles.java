package cnnplayground.cli;

import cnnplayground.engine.ModelFile.ModelFileException;
import cnnplayground.engine.TrainedModel;
import java.nio.file.Path;

/** Opens a model file for a command, turning a refusal into one line. */
final class ModelFiles {

    private ModelFiles() {
    }

    static TrainedModel open(String file) throws UsageException {
        try {
            return TrainedModel.open(Path.of(file));
        } catch (ModelFileException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
