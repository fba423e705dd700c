package cnnplayground.engine;

import cnnplayground.data.ImageDataset;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Shape;
import java.util.Optional;

/** Whether a network can be trained on a dataset: a valid stack, the same input shape, one output per class. */
public final class DataFit {

    private DataFit() {
    }

    /** Why {@code spec} cannot train on {@code data}, or empty when it can. */
    public static Optional<String> problem(NetworkSpec spec, ImageDataset data) {
        NetworkAnalysis analysis = spec.analyze();
        if (!analysis.isValid()) {
            return Optional.of(analysis.problems().get(0).message());
        }
        Shape dataShape = Shape.image(data.height(), data.width(), data.channels());
        if (!spec.input().equals(dataShape)) {
            return Optional.of("The network's input is " + spec.input() + " but the images are " + dataShape
                    + "; set the input to " + dataShape);
        }
        int outputs = analysis.outputShape().orElseThrow().channels();
        if (outputs != data.numClasses()) {
            return Optional.of("The output layer has " + outputs + " units but the data has " + data.numClasses()
                    + " classes; set the last Dense layer's units to " + data.numClasses());
        }
        return Optional.empty();
    }
}
