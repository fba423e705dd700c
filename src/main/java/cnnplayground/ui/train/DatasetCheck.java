package cnnplayground.ui.train;

import cnnplayground.data.ImageDataset;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.Shape;
import java.util.List;
import java.util.Optional;

/** Why a network cannot be trained on a dataset, said so a student can fix it; empty when it can. */
public final class DatasetCheck {

    private DatasetCheck() {
    }

    public static Optional<String> problem(NetworkAnalysis analysis, ImageDataset data) {
        if (!analysis.isValid()) {
            return Optional.of("Fix the network first: " + analysis.problems().get(0).message());
        }
        Shape images = Shape.image(data.height(), data.width(), data.channels());
        Shape input = analysis.network().input();
        if (!input.equals(images)) {
            return Optional.of("The network takes " + input + " inputs but the images are " + images
                    + "; choose a preset for " + images + " images");
        }
        List<LayerSpec> layers = analysis.network().layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof DenseSpec) {
                int units = ((DenseSpec) layers.get(i)).units();
                if (units != data.numClasses()) {
                    return Optional.of("Layer " + (i + 1) + " gives " + units + " outputs but the dataset has "
                            + data.numClasses() + " classes; set units to " + data.numClasses());
                }
                break;
            }
        }
        return Optional.empty();
    }
}
