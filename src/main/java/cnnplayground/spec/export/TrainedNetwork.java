package cnnplayground.spec.export;

import cnnplayground.spec.NetworkSpec;
import java.util.List;

/**
 * A trained network as the exporters take it: the network, each layer's parameters in the engine's
 * save order (none for layers without weights), the class names, the input normalisation {@code
 * (pixel / 255 - mean) / std} and the training settings.
 *
 * @param layers one list per layer of {@code network}
 * @param source where the weights came from, for the exported files' comments (a file name, a run)
 */
public record TrainedNetwork(NetworkSpec network, List<List<WeightArray>> layers, List<String> classNames,
                             float mean, float std, TrainingSettings training, String source) {

    public TrainedNetwork {
        if (network == null || layers == null || classNames == null || training == null || source == null) {
            throw new IllegalArgumentException("TrainedNetwork parts must not be null");
        }
        if (layers.size() != network.layers().size()) {
            throw new IllegalArgumentException("network \"" + network.name() + "\" has " + network.layers().size()
                    + " layers but weights for " + layers.size() + " were given");
        }
        layers = layers.stream().map(List::copyOf).toList();
        classNames = List.copyOf(classNames);
    }
}
