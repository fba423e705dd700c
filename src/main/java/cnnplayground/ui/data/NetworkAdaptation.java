package cnnplayground.ui.data;

import cnnplayground.data.ImageDataset;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Shape;
import cnnplayground.ui.i18n.UiLanguage;
import cnnplayground.ui.i18n.UiText;
import java.util.Optional;

/**
 * How to make a network take a dataset's images and predict its classes: a new input shape and,
 * when the output units differ from the classes and the network ends in a Dense layer, that layer
 * with one unit per class. Pure, so the banner's logic is tested without a window.
 *
 * @param problemText what does not match, in words, for the banner
 * @param actionText the button's text, for example "Adapt the input to 32×32×3"
 * @param adapted the network with the changes made
 */
public record NetworkAdaptation(UiText.Phrase problemText, UiText.Phrase actionText, NetworkSpec adapted) {

    /** {@link #problemText()} in English. */
    public String problem() {
        return UiText.in(UiLanguage.ENGLISH).get(problemText.key(), problemText.args());
    }

    /** {@link #actionText()} in English. */
    public String action() {
        return UiText.in(UiLanguage.ENGLISH).get(actionText.key(), actionText.args());
    }

    /** What to change so {@code network} fits {@code data}; empty when input and outputs match. */
    public static Optional<NetworkAdaptation> of(NetworkSpec network, ImageDataset data) {
        Shape images = Shape.image(data.height(), data.width(), data.channels());
        boolean inputDiffers = !network.input().equals(images);
        int classes = data.numClasses();
        // a binary head, Dense(1, sigmoid), tells 2 classes apart
        Optional<Integer> outputs = network.analyze().outputShape()
                .map(s -> network.isBinaryHead() ? network.outputClasses() : s.channels());
        int lastDense = lastDenseIndex(network);
        boolean outputDiffers = outputs.isPresent() && outputs.get() != classes && lastDense >= 0;
        if (!inputDiffers && !outputDiffers) {
            return Optional.empty();
        }
        NetworkSpec adapted = inputDiffers ? network.withInput(images) : network;
        if (outputDiffers) {
            DenseSpec dense = (DenseSpec) network.layers().get(lastDense);
            // more than 2 classes need one softmax unit each, where a binary head had one sigmoid unit
            adapted = adapted.withLayer(lastDense, new DenseSpec(classes,
                    network.isBinaryHead() ? cnnplayground.spec.Activation.SOFTMAX : dense.activation(), dense.useBias()));
        }
        String takes = network.input().toString();
        String are = images.toString();
        String units = outputDiffers ? String.valueOf(((DenseSpec) network.layers().get(lastDense)).units()) : "";
        String classCount = String.valueOf(classes);
        UiText.Phrase problem = inputDiffers && outputDiffers
                ? UiText.phrase("data.fit.both", takes, are, units, classCount)
                : inputDiffers ? UiText.phrase("data.fit.input", takes, are) : UiText.phrase("data.fit.output", units, classCount);
        UiText.Phrase action = inputDiffers && outputDiffers ? UiText.phrase("data.adapt.both", are, classCount)
                : inputDiffers ? UiText.phrase("data.adapt.input", are) : UiText.phrase("data.adapt.output", classCount);
        return Optional.of(new NetworkAdaptation(problem, action, adapted));
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
