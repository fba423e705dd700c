package cnnplayground.ui.workspace;

import cnnplayground.engine.ModelFile.SavedModel;

/** A model read from a file, and the file's name. */
public record LoadedModel(SavedModel model, String fileName) {

    /** Its weights, tagged "loaded from …". */
    public TaggedWeights weights() {
        return new TaggedWeights(model.weights(), WeightsTag.loaded(model.spec().name(), fileName));
    }
}
