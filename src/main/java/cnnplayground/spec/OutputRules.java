package cnnplayground.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * What training needs of the end of the stack: a Dense layer giving one unit per class, followed at
 * most by Dropout or Activation, with a softmax (or linear) output, since the loss is softmax
 * cross-entropy over one-hot labels; or a binary head, one unit with a sigmoid output
 * ({@link NetworkSpec#isBinaryHead}), trained with binary cross-entropy.
 */
final class OutputRules {

    private static final int MIN_CLASSES = 2;

    private OutputRules() {
    }

    static List<SpecProblem> check(NetworkSpec network) {
        List<SpecProblem> problems = new ArrayList<>();
        List<LayerSpec> layers = network.layers();
        if (layers.isEmpty()) {
            problems.add(new SpecProblem(SpecProblem.NETWORK,
                    "The network has no layers; add Flatten and Dense(10, softmax) to start", "spec.noLayers", List.of()));
            return problems;
        }
        int last = outputLayer(layers);
        if (last < 0 || !(layers.get(last) instanceof DenseSpec dense)) {
            int at = Math.max(last, 0);
            problems.add(SpecProblem.atLayer(at, layers.get(at),
                    "the network must end with a Dense layer giving one unit per class; add Dense(10, softmax) at the end",
                    "spec.mustEndWithDense", List.of()));
            return problems;
        }
        Activation output = outputActivation(layers, last);
        int outputAt = last;
        for (int i = last + 1; i < layers.size(); i++) {
            if (layers.get(i) instanceof ActivationSpec a && a.activation() != Activation.LINEAR) {
                outputAt = i;
            }
        }
        if (dense.units() == 1 && output == Activation.SIGMOID) {
            return problems; // a binary head: binary cross-entropy over two classes
        }
        if (dense.units() < MIN_CLASSES) {
            problems.add(SpecProblem.atLayer(last, dense, "the output layer needs one unit per class, at least "
                    + MIN_CLASSES + ", got " + dense.units() + "; for two classes use Dense(1, sigmoid)", "spec.tooFewUnits",
                    List.of(String.valueOf(MIN_CLASSES), String.valueOf(dense.units()))));
        }
        if (output != Activation.SOFTMAX && output != Activation.LINEAR) {
            problems.add(SpecProblem.atLayer(outputAt, layers.get(outputAt), "the output uses "
                    + output.kerasName() + ", but training uses softmax cross-entropy; set activation to softmax",
                    "spec.outputActivation", List.of(output.kerasName())));
        }
        return problems;
    }

    /**
     * The activation the output ends with: the last non-linear Activation after the output Dense at
     * {@code last}, or else the Dense's own.
     */
    static Activation outputActivation(List<LayerSpec> layers, int last) {
        Activation output = ((DenseSpec) layers.get(last)).activation();
        for (int i = last + 1; i < layers.size(); i++) {
            if (layers.get(i) instanceof ActivationSpec a && a.activation() != Activation.LINEAR) {
                output = a.activation();
            }
        }
        return output;
    }

    /** The last layer that is not Dropout or Activation, or -1 when there is none. */
    static int outputLayer(List<LayerSpec> layers) {
        int last = layers.size() - 1;
        while (last >= 0 && isPassThrough(layers.get(last))) {
            last--;
        }
        return last;
    }

    /** A switch expression over the kind with no default: a new layer type does not compile until it says. */
    private static boolean isPassThrough(LayerSpec layer) {
        return switch (layer.kind()) {
            case DROPOUT, ACTIVATION -> true;
            case CONV_2D, MAX_POOLING_2D, AVERAGE_POOLING_2D, GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D,
                    FLATTEN, DENSE, BATCH_NORMALIZATION, RESIDUAL_BLOCK -> false;
        };
    }
}
