package cnnplayground.spec.export;

import cnnplayground.spec.Activation;
import cnnplayground.spec.ActivationSpec;
import cnnplayground.spec.BatchNormalizationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.ModelSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.ResidualBlockSpec;
import cnnplayground.spec.Size2;
import java.util.ArrayList;
import java.util.List;

/**
 * A network as a runnable Keras 3 program, written the way a lecture writes it (defaults left out),
 * compiled with the loss the app trains with, and {@code model.summary()} at the end, whose totals
 * match the app's. A plain stack is a {@code keras.Sequential} with one line per layer; a network with
 * a residual block needs the functional API, since the shortcut branches off and joins again. A frozen
 * layer gets {@code trainable=False}.
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
        py.append(model(network, analysis, false));
        compile(py, network);
        py.append("model.summary()\n");
        return py.toString();
    }

    /**
     * The lines that build {@code model}; with {@code named}, every layer that holds weights gets
     * {@code name=} its summary name (a residual block's convolutions {@code NAME_conv1}, {@code
     * NAME_conv2}, {@code NAME_projection}), so weights can be set by name.
     */
    static String model(NetworkSpec network, NetworkAnalysis analysis, boolean named) {
        StringBuilder py = new StringBuilder();
        if (hasResidualBlock(network)) {
            functional(py, network, analysis, named);
        } else {
            sequential(py, network, analysis, named);
        }
        return py.toString();
    }

    /** {@code model.compile(…)} with the loss the app trains with. */
    static void compile(StringBuilder py, NetworkSpec network) {
        boolean softmaxOutput = network.finalSoftmaxLayer().isPresent();
        if (network.isBinaryHead()) {
            py.append("# A binary head: one sigmoid unit, the second class's probability; labels are 0 or 1.\n");
            py.append("model.compile(optimizer=\"adam\", loss=\"binary_crossentropy\", metrics=[\"accuracy\"])\n");
        } else if (softmaxOutput) {
            py.append("# The labels are one-hot; the app trains with the same softmax cross-entropy.\n");
            py.append("model.compile(optimizer=\"adam\", loss=\"categorical_crossentropy\", metrics=[\"accuracy\"])\n");
        } else {
            py.append("# The output is linear (logits), so the loss applies the softmax itself, as the app does.\n");
            py.append("model.compile(optimizer=\"adam\",\n");
            py.append("              loss=keras.losses.CategoricalCrossentropy(from_logits=True),\n");
            py.append("              metrics=[\"accuracy\"])\n");
        }
    }

    static boolean hasResidualBlock(NetworkSpec network) {
        return network.layers().stream().anyMatch(l -> l.kind() == LayerKind.RESIDUAL_BLOCK);
    }

    private static void sequential(StringBuilder py, NetworkSpec network, NetworkAnalysis analysis, boolean named) {
        py.append("model = keras.Sequential([\n");
        py.append("    keras.Input(shape=").append(PythonText.tuple(network.input().dims())).append("),\n");
        for (LayerSummary layer : analysis.layers()) {
            py.append("    ").append(layer(layer.spec(), network.isFrozen(layer.index()), nameOf(layer, "", named)))
                    .append(",\n");
        }
        py.append("])\n\n");
    }

    /** {@code x = layer(x)} line by line; a residual block as the few lines its Javadoc shows. */
    private static void functional(StringBuilder py, NetworkSpec network, NetworkAnalysis analysis, boolean named) {
        py.append("inputs = keras.Input(shape=").append(PythonText.tuple(network.input().dims())).append(")\n");
        String x = "inputs";
        List<LayerSummary> layers = analysis.layers();
        for (LayerSummary layer : layers) {
            boolean frozen = network.isFrozen(layer.index());
            String result = layer.index() == layers.size() - 1 ? "outputs" : "x";
            if (layer.spec() instanceof ResidualBlockSpec) {
                ResidualBlockSpec block = (ResidualBlockSpec) layer.spec();
                py.append("# ").append(layer.name()).append(": ").append(layer(block, frozen)).append('\n');
                py.append("y = ").append(layer(block.firstConv(), frozen, nameOf(layer, "_conv1", named)))
                        .append('(').append(x).append(")\n");
                py.append("y = ").append(layer(block.secondConv(), frozen, nameOf(layer, "_conv2", named)))
                        .append("(y)\n");
                String shortcut = x;
                if (block.needsProjection(layer.inputShape().orElseThrow())) {
                    py.append("s = ").append(layer(block.projection(), frozen, nameOf(layer, "_projection", named)))
                            .append('(').append(x)
                            .append(")  # 1×1 projection: the shortcut must match y's shape\n");
                    shortcut = "s";
                }
                String sum = "layers.Add()([y, " + shortcut + "])";
                py.append(result).append(" = ").append(block.activation() == Activation.LINEAR ? sum
                        : "layers.Activation(" + PythonText.string(block.activation().kerasName()) + ")(" + sum + ")")
                        .append('\n');
            } else {
                py.append(result).append(" = ").append(layer(layer.spec(), frozen, nameOf(layer, "", named)))
                        .append('(').append(x).append(")\n");
            }
            x = result;
        }
        if (layers.isEmpty()) {
            py.append("outputs = inputs\n");
        }
        py.append("model = keras.Model(inputs, outputs)\n\n");
    }

    /** One layer as a Keras constructor call. */
    static String layer(LayerSpec spec) {
        return layer(spec, false);
    }

    /** The Keras name a layer is given when weights are set by name: only layers that hold weights get one. */
    private static String nameOf(LayerSummary layer, String part, boolean named) {
        return named && layer.params().total() > 0 ? layer.name() + part : null;
    }

    /** {@link #layer(LayerSpec, boolean)} with {@code name=} when {@code name} is not null. */
    static String layer(LayerSpec spec, boolean frozen, String name) {
        String call = layer(spec, frozen);
        return name == null ? call : call.substring(0, call.length() - 1)
                + (call.endsWith("()") ? "" : ", ") + "name=" + PythonText.string(name) + ")";
    }

    /**
     * One layer as a Keras constructor call, {@code trainable=False} if frozen. A residual block is no
     * Keras class: it reads {@code ResidualBlock(...)} with the arguments of the app's JSON, for comments.
     */
    static String layer(LayerSpec spec, boolean frozen) {
        List<String> args = arguments(spec);
        if (frozen) {
            args.add("trainable=False");
        }
        String prefix = spec.kind() == LayerKind.RESIDUAL_BLOCK ? "" : "layers.";
        return prefix + spec.kind().kerasName() + "(" + String.join(", ", args) + ")";
    }

    /** The arguments a lecture writes; a switch expression, so a new layer type does not compile without a case. */
    private static List<String> arguments(LayerSpec spec) {
        List<String> args = new ArrayList<>();
        return switch (spec.kind()) {
            case CONV_2D -> {
                Conv2dSpec conv = (Conv2dSpec) spec;
                args.add(String.valueOf(conv.filters()));
                args.add(PythonText.size(conv.kernelSize()));
                strides(args, conv.strides());
                padding(args, conv.padding());
                activation(args, conv.activation());
                if (!conv.useBias()) {
                    args.add("use_bias=False");
                }
                yield args;
            }
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> {
                Pooling2dSpec pool = (Pooling2dSpec) spec;
                args.add(PythonText.size(pool.poolSize()));
                if (!pool.strides().equals(pool.poolSize())) {
                    args.add("strides=" + PythonText.size(pool.strides()));
                }
                padding(args, pool.padding());
                yield args;
            }
            case GLOBAL_AVERAGE_POOLING_2D, GLOBAL_MAX_POOLING_2D, FLATTEN -> args;
            case DENSE -> {
                DenseSpec dense = (DenseSpec) spec;
                args.add(String.valueOf(dense.units()));
                activation(args, dense.activation());
                if (!dense.useBias()) {
                    args.add("use_bias=False");
                }
                yield args;
            }
            case DROPOUT -> {
                args.add(PythonText.number(((DropoutSpec) spec).rate()));
                yield args;
            }
            case BATCH_NORMALIZATION -> {
                BatchNormalizationSpec bn = (BatchNormalizationSpec) spec;
                if (bn.momentum() != BatchNormalizationSpec.DEFAULT_MOMENTUM) {
                    args.add("momentum=" + PythonText.number(bn.momentum()));
                }
                if (bn.epsilon() != BatchNormalizationSpec.DEFAULT_EPSILON) {
                    args.add("epsilon=" + PythonText.number(bn.epsilon()));
                }
                yield args;
            }
            case ACTIVATION -> {
                args.add(PythonText.string(((ActivationSpec) spec).activation().kerasName()));
                yield args;
            }
            case RESIDUAL_BLOCK -> {
                ResidualBlockSpec block = (ResidualBlockSpec) spec;
                args.add(String.valueOf(block.filters()));
                args.add(PythonText.size(block.kernelSize()));
                strides(args, block.strides());
                args.add("activation=" + PythonText.string(block.activation().kerasName()));
                yield args;
            }
        };
    }

    private static void strides(List<String> args, Size2 strides) {
        if (strides.rows() != 1 || strides.cols() != 1) {
            args.add("strides=" + PythonText.size(strides));
        }
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
