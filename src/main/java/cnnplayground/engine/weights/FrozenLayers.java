package cnnplayground.engine.weights;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.NetworkSpec;
import java.util.List;

/**
 * Keras' {@code layer.trainable = False} on a {@link BlockFactory} block. A frozen layer's parameters
 * do not require gradients, so autograd computes none for them and {@code
 * ParameterStore.updateAllParameters} skips them: no optimizer step, no momentum, no weight decay
 * touches them. A frozen BatchNormalization also runs in inference mode, as in Keras 2.1+, so its
 * moving mean and variance stay as they were too.
 */
public final class FrozenLayers {

    private FrozenLayers() {}

    /** Freezes the parameters of {@code spec}'s frozen layers in {@code block} (child i = layer i). */
    public static void apply(SequentialBlock block, NetworkSpec spec) {
        List<Block> children = block.getChildren().values();
        for (int i : spec.frozen()) {
            children.get(i).freezeParameters(true);
        }
    }

    /** A training forward pass, layer by layer, with frozen BatchNormalization layers in inference mode. */
    public static NDList forwardTraining(SequentialBlock block, NetworkSpec spec, ParameterStore parameters, NDList input) {
        if (spec.frozen().isEmpty()) {
            return block.forward(parameters, input, true);
        }
        List<Block> children = block.getChildren().values();
        NDList current = input;
        for (int i = 0; i < children.size(); i++) {
            boolean inference = spec.isFrozen(i) && spec.layers().get(i).kind() == LayerKind.BATCH_NORMALIZATION;
            current = children.get(i).forward(parameters, current, !inference);
        }
        return current;
    }
}
