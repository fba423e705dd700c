package cnnplayground.spec.export;

import cnnplayground.spec.Activation;
import cnnplayground.spec.ActivationSpec;
import cnnplayground.spec.BatchNormalizationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.LayerKind;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.ModelSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.PoolMode;
import cnnplayground.spec.ResidualBlockSpec;
import cnnplayground.spec.Shape;
import cnnplayground.spec.Size2;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A network as a runnable PyTorch program: one {@code nn.Sequential} with the same output shapes and
 * parameter counts as the Keras model, channels first. It ends by printing the parameter counts
 * (Keras' way, moving statistics included) and the output shape of a dummy input.
 *
 * <p>Keras' {@code same} padding is reproduced exactly: TensorFlow puts an odd extra row or column
 * at the bottom / right, which PyTorch's symmetric {@code padding=} cannot say, so such layers get
 * an explicit pad in front ({@code -inf} for max pooling, so the padding is never picked; average
 * pooling divides by the real pixels only), as the app's engine does. A residual block is a small
 * {@code Residual} module, written only when the network has one; a frozen layer's parameters stop
 * requiring gradients right after the model is built, so the printed split matches Keras'.
 */
public final class PyTorchCode {

    private static final String INDENT = "    ";

    private PyTorchCode() {
    }

    /**
     * The program for {@code network}.
     *
     * @throws IllegalArgumentException when a layer cannot take its input (the message names it)
     */
    public static String of(NetworkSpec network) {
        NetworkAnalysis analysis = PythonText.requireShapes(network);
        Definition model = definition(network, analysis);
        Shape in = network.input();
        StringBuilder py = new StringBuilder();
        py.append("# ").append(PythonText.comment(network.name())).append(", exported from CNN Playground.\n");
        py.append("# The same layers, output shapes and ").append(ModelSummary.thousands(analysis.totalParams().total()))
                .append(" parameters as the Keras model, channels first: (N, C, H, W).\n");
        py.append("import torch\n");
        py.append("from torch import nn\n\n");
        py.append(model.text());
        if (network.isBinaryHead()) {
            py.append("# A binary head: sigmoid and binary cross-entropy in one, on the logit, with labels 0. or 1.;\n");
            py.append("# p = torch.sigmoid(out) is the second class's probability.\n");
            py.append("loss_fn = nn.BCEWithLogitsLoss()\n");
        } else {
            py.append("# Softmax and cross-entropy in one, on class indices (the one-hot labels' argmax).\n");
            py.append("loss_fn = nn.CrossEntropyLoss()\n");
        }
        py.append("optimizer = torch.optim.Adam(model.parameters(), lr=0.001)\n\n");
        py.append("# Keras counts BatchNormalization's moving mean and variance as non-trainable parameters;\n");
        py.append("# PyTorch keeps them as buffers, so they are added here.\n");
        py.append("trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)\n");
        py.append("frozen = sum(p.numel() for p in model.parameters() if not p.requires_grad)\n");
        py.append("moving = sum(b.numel() for name, b in model.named_buffers()\n");
        py.append("             if name.endswith((\"running_mean\", \"running_var\")))\n");
        py.append("print(f\"Total params: {trainable + frozen + moving:,}\")\n");
        py.append("print(f\"Trainable params: {trainable:,}\")\n");
        py.append("print(f\"Non-trainable params: {frozen + moving:,}\")\n\n");
        py.append("model.eval()  # Dropout off, BatchNorm on its moving statistics\n");
        py.append("with torch.no_grad():\n");
        py.append(INDENT).append("out = model(torch.zeros(1, ").append(in.channels()).append(", ")
                .append(in.height()).append(", ").append(in.width()).append("))\n");
        py.append("print(\"Output shape:\", tuple(out.shape))\n");
        return py.toString();
    }

    /**
     * The model's code (helper classes, the {@code nn.Sequential}, the freezing loops) and, per spec
     * layer, the paths in {@code model} of its modules that hold parameters, in the order the engine
     * saves them: {@code "0"}, {@code "5.main.1"}, {@code "5.shortcut"}.
     */
    record Definition(String text, List<List<String>> parameterModules) {
    }

    static Definition definition(NetworkSpec network, NetworkAnalysis analysis) {
        // the final softmax, or a binary head's sigmoid: the loss applies it
        OptionalInt omittedSoftmax = network.finalOutputActivationLayer();
        List<String> body = new ArrayList<>();
        List<String> freezing = new ArrayList<>();
        List<List<String>> parameterModules = new ArrayList<>();
        int modules = 0;
        for (LayerSummary layer : analysis.layers()) {
            List<String> lines = layer(layer, omittedSoftmax.isPresent() && omittedSoftmax.getAsInt() == layer.index());
            List<String> moduleLines = lines.stream().filter(line -> !line.startsWith("#")).toList();
            parameterModules.add(parameterModules(layer, modules, moduleLines));
            if (network.isFrozen(layer.index()) && layer.params().total() > 0) {
                freezing.add(freeze(layer, modules, moduleLines.size()));
            }
            modules += moduleLines.size();
            lines.forEach(line -> body.add(line.replace("\n", "\n" + INDENT)));
        }
        String modelText = String.join("\n", body);
        StringBuilder py = new StringBuilder();
        if (modelText.contains("AvgPool2dSame(")) {
            py.append(AVERAGE_POOL_SAME);
        }
        if (modelText.contains("Residual(")) {
            py.append(RESIDUAL);
        }
        py.append("model = nn.Sequential(\n");
        body.forEach(line -> py.append(INDENT).append(line).append('\n'));
        py.append(")\n\n");
        if (!freezing.isEmpty()) {
            py.append("# Frozen layers (Keras' trainable=False): training leaves their weights as they are.\n");
            freezing.forEach(line -> py.append(line).append('\n'));
            py.append('\n');
        }
        return new Definition(py.toString(), List.copyOf(parameterModules));
    }

    /** The paths of one layer's parametrised modules, {@code first} being the index of its first module. */
    private static List<String> parameterModules(LayerSummary layer, int first, List<String> moduleLines) {
        if (layer.spec() instanceof ResidualBlockSpec block) {
            Shape in = layer.inputShape().orElseThrow();
            List<String> main = new ArrayList<>(conv(block.firstConv(), in));
            main.addAll(conv(block.secondConv(), layer.outputShape().orElseThrow()));
            List<String> paths = new ArrayList<>();
            for (int j : weighted(main)) {
                paths.add(first + ".main." + j);
            }
            if (block.needsProjection(in)) {
                List<String> projection = conv(block.projection(), in);
                for (int j : weighted(projection)) {
                    paths.add(projection.size() == 1 ? first + ".shortcut" : first + ".shortcut." + j);
                }
            }
            return List.copyOf(paths);
        }
        return weighted(moduleLines).stream().map(j -> String.valueOf(first + j)).toList();
    }

    /** Indices of the modules that hold parameters: convolutions, linear layers, batch norms. */
    private static List<Integer> weighted(List<String> modules) {
        List<Integer> indices = new ArrayList<>();
        for (int j = 0; j < modules.size(); j++) {
            String m = modules.get(j);
            if (m.startsWith("nn.Conv2d(") || m.startsWith("nn.Linear(") || m.startsWith("nn.BatchNorm")) {
                indices.add(j);
            }
        }
        return indices;
    }

    /** The loop that freezes one layer's modules: {@code model[3]}, or {@code model[3:5]} for several. */
    private static String freeze(LayerSummary layer, int first, int count) {
        String modules = count == 1 ? "model[" + first + "]" : "model[" + first + ":" + (first + count) + "]";
        String line = "for p in " + modules + ".parameters():  # " + layer.name() + "\n" + INDENT + "p.requires_grad_(False)";
        if (layer.spec().kind() == LayerKind.BATCH_NORMALIZATION) {
            line += "\n# Keras also runs a frozen BatchNormalization on its moving statistics: call "
                    + modules + ".eval() after each model.train()";
        }
        return line;
    }

    /**
     * One spec layer's modules, under a comment naming it: one entry per module (a multi-line one
     * for a residual block) or per comment line. A switch expression, so a new layer type does not
     * compile until it has a case.
     */
    private static List<String> layer(LayerSummary layer, boolean omitSoftmax) {
        Shape in = layer.inputShape().orElseThrow();
        Shape out = layer.outputShape().orElseThrow();
        long params = layer.params().total();
        List<String> lines = new ArrayList<>();
        lines.add("# " + layer.name() + ": " + KerasCode.layer(layer.spec()) + " -> " + PythonText.torchShape(out)
                + (params > 0 ? ", " + ModelSummary.thousands(params) + " parameters" : ""));
        lines.addAll(switch (layer.spec().kind()) {
            case CONV_2D -> conv((Conv2dSpec) layer.spec(), in);
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> pool((Pooling2dSpec) layer.spec(), in);
            case GLOBAL_AVERAGE_POOLING_2D -> List.of("nn.AdaptiveAvgPool2d(1),", "nn.Flatten(),");
            case GLOBAL_MAX_POOLING_2D -> List.of("nn.AdaptiveMaxPool2d(1),", "nn.Flatten(),");
            case FLATTEN -> List.of(
                    "# Keras flattens in H, W, C order, nn.Flatten in C, H, W: the same " + out.channels()
                            + " values in another order.",
                    "# A network trained from scratch does not care; weights copied from Keras would need reordering.",
                    "nn.Flatten(),");
            case DENSE -> {
                DenseSpec dense = (DenseSpec) layer.spec();
                if (in.isSpatial()) {
                    // Keras applies it to the channels, the last axis; nn.Linear to the last axis of (N, C, H, W)
                    throw new IllegalArgumentException("layer " + (layer.index() + 1) + " (" + layer.name()
                            + ", Dense) takes the feature map " + in + ", which the PyTorch export does not write; add"
                            + " Flatten (or GlobalAveragePooling2D) before it");
                }
                List<String> dl = new ArrayList<>();
                dl.add("nn.Linear(" + in.channels() + ", " + dense.units() + (dense.useBias() ? "" : ", bias=False") + "),");
                dl.addAll(activation(dense.activation(), omitSoftmax));
                yield dl;
            }
            case DROPOUT -> List.of("nn.Dropout(" + PythonText.number(((DropoutSpec) layer.spec()).rate()) + "),");
            case BATCH_NORMALIZATION -> List.of(batchNorm((BatchNormalizationSpec) layer.spec(), in));
            case ACTIVATION -> activation(((ActivationSpec) layer.spec()).activation(), omitSoftmax);
            case RESIDUAL_BLOCK -> List.of(residual((ResidualBlockSpec) layer.spec(), in, out));
        });
        return lines;
    }

    /**
     * {@code Residual(main, shortcut, activation)}, both paths built as the Conv2D layers are, so
     * {@code same} padding with a stride pads as TensorFlow does. The second convolution's input has
     * the block's output shape (stride 1, {@code same}).
     */
    private static String residual(ResidualBlockSpec block, Shape in, Shape out) {
        List<String> main = new ArrayList<>(conv(block.firstConv(), in));
        main.addAll(conv(block.secondConv(), out));
        String shortcut = block.needsProjection(in)
                ? sequence(conv(block.projection(), in)) + "  # 1×1 projection to y's shape"
                : "nn.Identity(),";
        List<String> activation = activation(block.activation(), false);
        String after = activation.isEmpty() ? "nn.Identity()," : activation.get(0);
        return "Residual(\n" + INDENT + sequence(main).replace("\n", "\n" + INDENT) + "\n"
                + INDENT + shortcut + "\n" + INDENT + after + "\n),";
    }

    /** One module as it is, several in an {@code nn.Sequential}. */
    private static String sequence(List<String> modules) {
        if (modules.size() == 1) {
            return modules.get(0);
        }
        StringBuilder sb = new StringBuilder("nn.Sequential(\n");
        modules.forEach(m -> sb.append(INDENT).append(m).append('\n'));
        return sb.append("),").toString();
    }

    private static List<String> conv(Conv2dSpec conv, Shape in) {
        List<String> modules = new ArrayList<>();
        Pad pad = Pad.of(conv.padding(), in, conv.kernelSize(), conv.strides());
        List<String> args = new ArrayList<>(List.of(String.valueOf(in.channels()), String.valueOf(conv.filters()),
                "kernel_size=" + PythonText.size(conv.kernelSize())));
        if (conv.strides().rows() != 1 || conv.strides().cols() != 1) {
            args.add("stride=" + PythonText.size(conv.strides()));
        }
        if (pad.isSymmetric()) {
            if (!pad.isNone()) {
                args.add("padding=" + pad.symmetric());
            }
        } else {
            modules.add("nn.ZeroPad2d(" + pad.leftRightTopBottom() + "),  # TensorFlow's extra zero goes bottom / right");
        }
        if (!conv.useBias()) {
            args.add("bias=False");
        }
        modules.add("nn.Conv2d(" + String.join(", ", args) + "),");
        modules.addAll(activation(conv.activation(), false));
        return modules;
    }

    private static List<String> pool(Pooling2dSpec pool, Shape in) {
        Pad pad = Pad.of(pool.padding(), in, pool.poolSize(), pool.strides());
        String kernel = PythonText.size(pool.poolSize());
        String stride = pool.strides().equals(pool.poolSize()) ? "" : ", stride=" + PythonText.size(pool.strides());
        if (pool.mode() == PoolMode.MAX) {
            List<String> modules = new ArrayList<>();
            if (!pad.isNone()) {
                modules.add("nn.ConstantPad2d(" + pad.leftRightTopBottom() + ", float(\"-inf\")),  # never the max");
            }
            modules.add("nn.MaxPool2d(" + kernel + stride + "),");
            return modules;
        }
        if (pad.isNone()) {
            return List.of("nn.AvgPool2d(" + kernel + stride + "),");
        }
        String strides = PythonText.size(pool.strides());
        return List.of("AvgPool2dSame(" + kernel + ", " + strides + ", " + pad.leftRightTopBottom() + "),");
    }

    /** PyTorch's momentum weighs the new batch, Keras' the moving value: {@code 1 - momentum}. */
    private static String batchNorm(BatchNormalizationSpec bn, Shape in) {
        String momentum = BigDecimal.ONE.subtract(BigDecimal.valueOf(bn.momentum())).stripTrailingZeros().toPlainString();
        return "nn.BatchNorm" + (in.isSpatial() ? "2d" : "1d") + "(" + in.channels() + ", eps="
                + PythonText.number(bn.epsilon()) + ", momentum=" + momentum + "),";
    }

    /** The activation's module, none for linear; a comment instead of the softmax the loss applies. */
    private static List<String> activation(Activation activation, boolean omitSoftmax) {
        return switch (activation) {
            case LINEAR -> List.of();
            case RELU -> List.of("nn.ReLU(),");
            case SIGMOID -> List.of(omitSoftmax
                    ? "# sigmoid left out: nn.BCEWithLogitsLoss applies it to this logit itself"
                    : "nn.Sigmoid(),");
            case TANH -> List.of("nn.Tanh(),");
            case SOFTMAX -> List.of(omitSoftmax
                    ? "# softmax left out: nn.CrossEntropyLoss applies it to these logits itself"
                    : "nn.Softmax(dim=1),  # Keras' softmax runs over channels, dim 1 here");
        };
    }

    /** Keras {@code same} padding of one layer, per side. */
    private record Pad(Padding.AxisPadding rows, Padding.AxisPadding cols) {
        static Pad of(Padding padding, Shape in, Size2 kernel, Size2 strides) {
            return new Pad(padding.amounts(in.height(), kernel.rows(), strides.rows()),
                    padding.amounts(in.width(), kernel.cols(), strides.cols()));
        }

        boolean isNone() {
            return rows.before() == 0 && rows.after() == 0 && cols.before() == 0 && cols.after() == 0;
        }

        boolean isSymmetric() {
            return rows.isSymmetric() && cols.isSymmetric();
        }

        String symmetric() {
            return rows.before() == cols.before() ? String.valueOf(rows.before()) : PythonText.pair(rows.before(), cols.before());
        }

        /** {@code nn.ZeroPad2d}'s order. */
        String leftRightTopBottom() {
            return "(" + cols.before() + ", " + cols.after() + ", " + rows.before() + ", " + rows.after() + ")";
        }
    }

    private static final String AVERAGE_POOL_SAME = """
            class AvgPool2dSame(nn.Module):
                \"""Keras' AveragePooling2D(padding="same"): TensorFlow's padding (the extra row or column
                bottom / right), and each window averages only the real pixels under it.\"""

                def __init__(self, kernel_size, stride, padding):
                    super().__init__()
                    self.pad = nn.ZeroPad2d(padding)
                    self.pool = nn.AvgPool2d(kernel_size, stride)

                def forward(self, x):
                    real = torch.ones_like(x[:, :1])
                    return self.pool(self.pad(x)) / self.pool(self.pad(real))


            """;

    private static final String RESIDUAL = """
            class Residual(nn.Module):
                \"""Keras' residual block: activation(main(x) + shortcut(x)); the shortcut is x itself
                or a 1×1 convolution when the channels or the size change.\"""

                def __init__(self, main, shortcut, activation):
                    super().__init__()
                    self.main = main
                    self.shortcut = shortcut
                    self.activation = activation

                def forward(self, x):
                    return self.activation(self.main(x) + self.shortcut(x))


            """;
}
