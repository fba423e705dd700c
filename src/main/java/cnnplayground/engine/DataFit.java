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
        if (spec.isBinaryHead() && data.numClasses() != 2) {
            return Optional.of(binaryHeadMisfit(data.numClasses()));
        }
        int outputs = spec.outputClasses();
        if (outputs != data.numClasses()) {
            return Optional.of("The output layer has " + outputs + " units but the data has " + data.numClasses()
                    + " classes; set the last Dense layer's units to " + data.numClasses());
        }
        return Optional.empty();
    }

    /** Why a binary head, {@code Dense(1, sigmoid)}, cannot learn {@code classes} classes. */
    public static String binaryHeadMisfit(int classes) {
        return "The output layer is a binary head, Dense(1, sigmoid), which tells exactly 2 classes apart, but the data has "
                + classes + " classes; choose 2 classes, or set the last Dense layer to " + classes + " units with softmax";
    }
}
