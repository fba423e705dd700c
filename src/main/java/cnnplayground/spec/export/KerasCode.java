package cnnplayground.spec.export;

import cnnplayground.spec.ActivationSpec;
import cnnplayground.spec.BatchNormalizationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.ModelSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.Activation;
import java.util.ArrayList;
import java.util.List;

/**
 * A network as a runnable Keras 3 program: {@code keras.Sequential} with one line per layer, written
 * the way a lecture writes it (defaults left out), compiled with the loss the app trains with, and
 * {@code model.summary()} at the end, whose table matches the app's.
 */
public final class KerasCode {

    private KerasCode() {
    }

    /**
     * The program for {@code network}.
     *
     * @throws IllegalArgumentException when a layer cannot take its input (the message names it)
     */
    public static String of(NetworkSpec network) {
        NetworkAnalysis analysis = PythonText.requireShapes(network);
        StringBuilder py = new StringBuilder();
        py.append("# ").append(PythonText.comment(network.name())).append(", exported from CNN Playground.\n");
        py.append("# Input ").append(network.input()).append(", ")
                .append(ModelSummary.thousands(analysis.totalParams().total())).append(" parameters.\n");
        py.append("import keras\n");
        py.append("from keras import layers\n\n");
        py.append("model = keras.Sequential([\n");
        py.append("    keras.Input(shape=").append(PythonText.tuple(network.input().dims())).append("),\n");
        for (LayerSummary layer : analysis.layers()) {
            py.append("    ").append(layer(layer.spec())).append(",\n");
        }
        py.append("])\n\n");
        boolean softmaxOutput = PythonText.finalSoftmaxLayer(network.layers()).isPresent();
        if (softmaxOutput) {
            py.append("# The labels are one-hot; the app trains with the same softmax cross-entropy.\n");
            py.append("model.compile(optimizer=\"adam\", loss=\"categorical_crossentropy\", metrics=[\"accuracy\"])\n");
        } else {
            py.append("# The output is linear (logits), so the loss applies the softmax itself, as the app does.\n");
            py.append("model.compile(optimizer=\"adam\",\n");
            py.append("              loss=keras.losses.CategoricalCrossentropy(from_logits=True),\n");
            py.append("              metrics=[\"accuracy\"])\n");
        }
        py.append("model.summary()\n");
        return py.toString();
    }

    /** One layer as a Keras constructor call. */
    static String layer(LayerSpec spec) {
        List<String> args = new ArrayList<>();
        // a switch on the kind with no default: a new layer type does not compile until it has a case
        switch (spec.kind()) {
            case CONV_2D -> {
                Conv2dSpec conv = (Conv2dSpec) spec;
                args.add(String.valueOf(conv.filters()));
                args.add(PythonText.size(conv.kernelSize()));
                if (conv.strides().rows() != 1 || conv.strides().cols() != 1) {
                    args.add("strides=" + PythonText.size(conv.strides()));
                }
                padding(args, conv.padding());
                activation(args, conv.activation());
                if (!conv.useBias()) {
                    args.add("use_bias=False");
                }
            }
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> {
                Pooling2dSpec pool = (Pooling2dSpec) spec;
                args.add(PythonText.size(pool.poolSize()));
                if (!pool.strides().equals(pool.poolSize())) {
                    args.add("strides=" + PythonText.size(pool.strides()));
                }
                padding(args, pool.padding());
            }
            case GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D, FLATTEN -> {
                // no arguments
            }
            case DENSE -> {
                DenseSpec dense = (DenseSpec) spec;
                args.add(String.valueOf(dense.units()));
                activation(args, dense.activation());
                if (!dense.useBias()) {
                    args.add("use_bias=False");
                }
            }
            case DROPOUT -> args.add(PythonText.number(((DropoutSpec) spec).rate()));
            case BATCH_NORMALIZATION -> {
                BatchNormalizationSpec bn = (BatchNormalizationSpec) spec;
                if (bn.momentum() != BatchNormalizationSpec.DEFAULT_MOMENTUM) {
                    args.add("momentum=" + PythonText.number(bn.momentum()));
                }
                if (bn.epsilon() != BatchNormalizationSpec.DEFAULT_EPSILON) {
                    args.add("epsilon=" + PythonText.number(bn.epsilon()));
                }
            }
            case ACTIVATION -> args.add(PythonText.string(((ActivationSpec) spec).activation().kerasName()));
        }
        return "layers." + spec.kind().kerasName() + "(" + String.join(", ", args) + ")";
    }

    private static void padding(List<String> args, Padding padding) {
        if (padding != Padding.VALID) {
            args.add("padding=" + PythonText.string(padding.kerasName()));
        }
    }

    private static void activation(List<String> args, Activation activation) {
        if (activation != Activation.LINEAR) {
            args.add("activation=" + PythonText.string(activation.kerasName()));
        }
    }
}
