package cnnplayground.engine;

import cnnplayground.data.Normalization;
import cnnplayground.engine.ModelProbe.LayerParameters;
import cnnplayground.spec.NetworkSpec;
import java.util.List;

/**
 * A copy of a network's weights at one moment of training, enough to rebuild it elsewhere (the live
 * views predict and draw feature maps from it on their own thread, never touching the trainer's).
 *
 * @param parameters the bytes of DJL's {@code saveParameters}, the same as in a model file
 * @param step       batches trained when the copy was taken; later copies have larger steps
 */
public record WeightsSnapshot(NetworkSpec spec, byte[] parameters, Normalization normalization,
                              List<String> classNames, long step) {

    public WeightsSnapshot {
        parameters = parameters.clone();
        classNames = List.copyOf(classNames);
    }

    @Override
    public byte[] parameters() {
        return parameters.clone();
    }

    /**
     * The first Conv2D layer's kernels and bias in these weights, or empty when the network has none.
     *
     * @throws IllegalArgumentException if the weights do not fit their network
     */
    public java.util.Optional<LayerParameters> firstConvolution() {
        return LayerWeights.firstConvolution(this);
    }
}
