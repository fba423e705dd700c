package cnnplayground.ui.train;

import cnnplayground.data.ImageDataset;
import cnnplayground.engine.ModelFile.SavedModel;
import cnnplayground.engine.WeightsSnapshot;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Shape;
import java.util.List;
import java.util.Optional;

/**
 * Whether a model made for one dataset fits another: the same input shape and one output per class.
 * A model that does not is still loaded (it draws and shows feature maps, its input scaled to fit),
 * but training it and evaluating it on the dataset are refused with these words.
 */
public final class ModelFit {

    private ModelFit() {
    }

    /** What a just-loaded model means for the dataset in use, or empty when it fits (or there is none). */
    public static Optional<String> note(SavedModel model, ImageDataset data) {
        return mismatch(model.spec(), model.metadata().classNames(), data).map(m -> m
                + ": it can look at drawings and samples (scaled to its input), but to train or evaluate it choose a"
                + " matching dataset, or adapt the network on the Data tab (its weights then start afresh)");
    }

    /** Why {@code weights} cannot be evaluated on {@code data}, or empty when they can. */
    public static Optional<String> evaluationProblem(WeightsSnapshot weights, ImageDataset data) {
        return mismatch(weights.spec(), weights.classNames(), data).map(m -> "Cannot evaluate: " + m
                + "; choose a matching dataset and train, or load a model made for this one");
    }

    private static Optional<String> mismatch(NetworkSpec spec, List<String> classNames, ImageDataset data) {
        if (data == null) {
            return Optional.empty();
        }
        Shape images = Shape.image(data.height(), data.width(), data.channels());
        if (spec.input().equals(images) && classNames.size() == data.numClasses()) {
            return Optional.empty();
        }
        return Optional.of("this model takes " + spec.input() + " images in " + classNames.size()
                + " classes but the dataset in use holds " + images + " images in " + data.numClasses() + " classes");
    }
}
