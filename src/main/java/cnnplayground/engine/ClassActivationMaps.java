package cnnplayground.engine;

import cnnplayground.spec.Activation;
import cnnplayground.spec.ActivationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.GlobalPooling2dSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Shape;
import java.util.List;
import java.util.Optional;

/**
 * Which networks have a class activation map: those ending GlobalAveragePooling2D → Dense (Dropout
 * may stand between them, Dropout or a softmax/linear Activation after). Only there is a class score a
 * weighted sum of channel means, so the same weights spread over each pixel of the maps explain it.
 */
public final class ClassActivationMaps {

    /** Where the GAP and the output Dense sit in the layer stack. */
    public record Ending(int globalPooling, int dense) {
    }

    private ClassActivationMaps() {
    }

    /** The network's GAP → Dense ending, or empty when it has none. */
    public static Optional<Ending> ending(NetworkSpec network) {
        List<LayerSpec> layers = network.layers();
        int i = layers.size() - 1;
        while (i >= 0 && (isPassThrough(layers.get(i)) || network.isBinaryHead()
                && layers.get(i) instanceof ActivationSpec a && a.activation() == Activation.SIGMOID)) {
            i--;
        }
        // a binary head's sigmoid keeps the order of its one score too
        if (i < 0 || !(layers.get(i) instanceof DenseSpec dense)
                || (dense.activation() != Activation.LINEAR && dense.activation() != Activation.SOFTMAX
                        && !network.isBinaryHead())) {
            return Optional.empty();
        }
        int denseAt = i;
        i--;
        while (i >= 0 && layers.get(i) instanceof DropoutSpec) {
            i--;
        }
        if (i < 0 || !(layers.get(i) instanceof GlobalPooling2dSpec gap) || gap.mode() != PoolMode.AVERAGE) {
            return Optional.empty();
        }
        return Optional.of(new Ending(i, denseAt));
    }

    public static boolean supports(NetworkSpec network) {
        return ending(network).isPresent();
    }

    /**
     * A small network that has a class activation map, for trying CAM out (no preset has one): three
     * 3×3 same convolutions with a pooling step, so the map is 14×14, then GAP → Dense; 6,218 parameters.
     */
    public static NetworkSpec exampleNetwork(Shape input, int classes) {
        return new NetworkSpec("GAP CNN", input, List.of(
                new Conv2dSpec(8, 3, Padding.SAME, Activation.RELU),
                new Conv2dSpec(16, 3, Padding.SAME, Activation.RELU),
                Pooling2dSpec.of(PoolMode.MAX, 2),
                new Conv2dSpec(32, 3, Padding.SAME, Activation.RELU),
                new GlobalPooling2dSpec(PoolMode.AVERAGE),
                new DenseSpec(classes, Activation.SOFTMAX)));
    }

    /** Softmax and linear keep the order of the scores, so the Dense's weights still say what raised a class. */
    private static boolean isPassThrough(LayerSpec layer) {
        return switch (layer.kind()) {
            case DROPOUT -> true;
            case ACTIVATION -> {
                Activation a = ((ActivationSpec) layer).activation();
                yield a == Activation.SOFTMAX || a == Activation.LINEAR;
            }
            case CONV_2D, MAX_POOLING_2D, AVERAGE_POOLING_2D, GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D,
                    FLATTEN, DENSE, BATCH_NORMALIZATION, RESIDUAL_BLOCK -> false;
        };
    }
}
