package cnnplayground.engine;

import cnnplayground.data.FloatGrid;
import cnnplayground.spec.LayerKind;

/**
 * What one layer outputs for the watched input. {@code values} is H×W×C for feature maps and
 * 1×N×1 (one row of N units) for flat layers; the last layer's values are class probabilities.
 *
 * @param layerIndex 0-based index into the network's layers
 * @param name       Keras' name, e.g. {@code conv2d_1}
 */
public record LayerActivation(int layerIndex, String name, LayerKind kind, FloatGrid values) {

    public boolean isSpatial() {
        return values.height() > 1 || values.channels() > 1;
    }
}
