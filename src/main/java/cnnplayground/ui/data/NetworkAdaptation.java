package cnnplayground.ui.data;

import cnnplayground.data.ImageDataset;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Shape;
import java.util.Optional;

/**
 * How to make a network take a dataset's images and predict its classes: a new input shape and,
 * when the output units differ from the classes and the network ends in a Dense layer, that layer
 * with one unit per class. Pure, so the banner's logic is tested without a window.
 *
 * @param problem what does not match, in words, for the banner
 * @param action the button's text, for example "Adapt the input to 32×32×3"
 * @param adapted the network with the changes made
 */
public record NetworkAdaptation(String problem, String action, NetworkSpec adapted) {

    /** What to change so {@code network} fits {@code data}; empty when input and outputs match. */
    public static Optional<NetworkAdaptation> of(NetworkSpec network, ImageDataset data) {
        Shape images = Shape.image(data.height(), data.width(), data.channels());
        boolean inputDiffers = !network.input().equals(images);
        int classes = data.numClasses();
        Optional<Integer> outputs = network.analyze().outputShape().map(Shape::channels);
        int lastDense = lastDenseIndex(network);
        boolean outputDiffers = outputs.isPresent() && outputs.get() != classes && lastDense >= 0;
        if (!inputDiffers && !outputDiffers) {
            return Optional.empty();
        }
        NetworkSpec adapted = inputDiffers ? network.withInput(images) : network;
        if (outputDiffers) {
            DenseSpec dense = (DenseSpec) network.layers().get(lastDense);
            adapted = adapted.withLayer(lastDense, new DenseSpec(classes, dense.activation(), dense.useBias()));
        }
        StringBuilder problem = new StringBuilder("The network ");
        if (inputDiffers) {
            problem.append("takes ").append(network.input()).append(" images but these are ").append(images);
        }
        if (outputDiffers) {
            problem.append(inputDiffers ? ", and it " : "").append("has ").append(outputs.get())
                    .append(" outputs for ").append(classes).append(" classes");
        }
        problem.append('.');
        String action = inputDiffers && outputDiffers
                ? "Adapt the input to " + images + " and the output to " + classes + " classes"
                : inputDiffers ? "Adapt the input to " + images : "Set the output to " + classes + " classes";
        return Optional.of(new NetworkAdaptation(problem.toString(), action, adapted));
    }

    private static int lastDenseIndex(NetworkSpec network) {
        for (int i = network.layers().size() - 1; i >= 0; i--) {
            LayerSpec layer = network.layers().get(i);
            if (layer instanceof DenseSpec) {
                return i;
            }
        }
        return -1;
    }
}
