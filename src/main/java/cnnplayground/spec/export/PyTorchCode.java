package cnnplayground.spec.export;

import cnnplayground.spec.Activation;
import cnnplayground.spec.ActivationSpec;
import cnnplayground.spec.BatchNormalizationSpec;
import cnnplayground.spec.Conv2dSpec;
import cnnplayground.spec.DenseSpec;
import cnnplayground.spec.DropoutSpec;
import cnnplayground.spec.LayerSummary;
import cnnplayground.spec.ModelSummary;
import cnnplayground.spec.NetworkAnalysis;
import cnnplayground.spec.NetworkSpec;
import cnnplayground.spec.Padding;
import cnnplayground.spec.Pooling2dSpec;
import cnnplayground.spec.PoolMode;
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
 * pooling divides by the real pixels only), as the app's engine does.
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
        OptionalInt omittedSoftmax = PythonText.finalSoftmaxLayer(network.layers());
        List<String> body = new ArrayList<>();
        boolean needsAveragePool = false;
        for (LayerSummary layer : analysis.layers()) {
            needsAveragePool |= layer(body, layer, omittedSoftmax.isPresent() && omittedSoftmax.getAsInt() == layer.index());
        }
        Shape in = network.input();
        StringBuilder py = new StringBuilder();
        py.append("# ").append(PythonText.comment(network.name())).append(", exported from CNN Playground.\n");
        py.append("# The same layers, output shapes and ").append(ModelSummary.thousands(analysis.totalParams().total()))
                .append(" parameters as the Keras model, channels first: (N, C, H, W).\n");
        py.append("import torch\n");
        py.append("from torch import nn\n\n");
        if (needsAveragePool) {
            py.append(AVERAGE_POOL_SAME);
        }
        py.append("model = nn.Sequential(\n");
        body.forEach(line -> py.append(INDENT).append(line).append('\n'));
        py.append(")\n\n");
        py.append("# Softmax and cross-entropy in one, on class indices (the one-hot labels' argmax).\n");
        py.append("loss_fn = nn.CrossEntropyLoss()\n");
        py.append("optimizer = torch.optim.Adam(model.parameters(), lr=0.001)\n\n");
        py.append("# Keras counts BatchNormalization's moving mean and variance as non-trainable parameters;\n");
        py.append("# PyTorch keeps them as buffers, so they are added here.\n");
        py.append("trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)\n");
        py.append("moving = sum(b.numel() for name, b in model.named_buffers()\n");
        py.append("             if name.endswith((\"running_mean\", \"running_var\")))\n");
        py.append("print(f\"Total params: {trainable + moving:,}\")\n");
        py.append("print(f\"Trainable params: {trainable:,}\")\n");
        py.append("print(f\"Non-trainable params: {moving:,}\")\n\n");
        py.append("model.eval()  # Dropout off, BatchNorm on its moving statistics\n");
        py.append("with torch.no_grad():\n");
        py.append(INDENT).append("out = model(torch.zeros(1, ").append(in.channels()).append(", ")
                .append(in.height()).append(", ").append(in.width()).append("))\n");
        py.append("print(\"Output shape:\", tuple(out.shape))\n");
        return py.toString();
    }

    /** Appends one spec layer's modules, under a comment naming it; true if it needs {@code AvgPool2dSame}. */
    private static boolean layer(List<String> body, LayerSummary layer, boolean omitSoftmax) {
        Shape in = layer.inputShape().orElseThrow();
        Shape out = layer.outputShape().orElseThrow();
        long params = layer.params().total();
        body.add("# " + layer.name() + ": " + KerasCode.layer(layer.spec()) + " -> " + PythonText.torchShape(out)
                + (params > 0 ? ", " + ModelSummary.thousands(params) + " parameters" : ""));
        boolean needsAveragePool = false;
        // a switch on the kind with no default: a new layer type does not compile until it has a case
        switch (layer.spec().kind()) {
            case CONV_2D -> conv(body, (Conv2dSpec) layer.spec(), in);
            case MAX_POOLING_2D, AVERAGE_POOLING_2D -> needsAveragePool = pool(body, (Pooling2dSpec) layer.spec(), in);
            case GLOBAL_AVERAGE_POOLING_2D -> {
                body.add("nn.AdaptiveAvgPool2d(1),");
                body.add("nn.Flatten(),");
            }
            case GLOBAL_MAX_POOLING_2D -> {
                body.add("nn.AdaptiveMaxPool2d(1),");
                body.add("nn.Flatten(),");
            }
            case FLATTEN -> {
                body.add("# Keras flattens in H, W, C order, nn.Flatten in C, H, W: the same " + out.channels()
                        + " values in another order.");
                body.add("# A network trained from scratch does not care; weights copied from Keras would need reordering.");
                body.add("nn.Flatten(),");
            }
            case DENSE -> {
                DenseSpec dense = (DenseSpec) layer.spec();
                body.add("nn.Linear(" + in.channels() + ", " + dense.units() + (dense.useBias() ? "" : ", bias=False") + "),");
                activation(body, dense.activation(), omitSoftmax);
            }
            case DROPOUT -> body.add("nn.Dropout(" + PythonText.number(((DropoutSpec) layer.spec()).rate()) + "),");
            case BATCH_NORMALIZATION -> batchNorm(body, (BatchNormalizationSpec) layer.spec(), in);
            case ACTIVATION -> activation(body, ((ActivationSpec) layer.spec()).activation(), omitSoftmax);
        }
        return needsAveragePool;
    }

    private static void conv(List<String> body, Conv2dSpec conv, Shape in) {
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
            body.add("nn.ZeroPad2d(" + pad.leftRightTopBottom() + "),  # TensorFlow's extra zero goes bottom / right");
        }
        if (!conv.useBias()) {
            args.add("bias=False");
        }
        body.add("nn.Conv2d(" + String.join(", ", args) + "),");
        activation(body, conv.activation(), false);
    }

    /** True when the layer uses {@code AvgPool2dSame}. */
    private static boolean pool(List<String> body, Pooling2dSpec pool, Shape in) {
        Pad pad = Pad.of(pool.padding(), in, pool.poolSize(), pool.strides());
        String kernel = PythonText.size(pool.poolSize());
        String stride = pool.strides().equals(pool.poolSize()) ? "" : ", stride=" + PythonText.size(pool.strides());
        if (pool.mode() == PoolMode.MAX) {
            if (!pad.isNone()) {
                body.add("nn.ConstantPad2d(" + pad.leftRightTopBottom() + ", float(\"-inf\")),  # never the max");
            }
            body.add("nn.MaxPool2d(" + kernel + stride + "),");
            return false;
        }
        if (pad.isNone()) {
            body.add("nn.AvgPool2d(" + kernel + stride + "),");
            return false;
        }
        String strides = PythonText.size(pool.strides());
        body.add("AvgPool2dSame(" + kernel + ", " + strides + ", " + pad.leftRightTopBottom() + "),");
        return true;
    }

    /** PyTorch's momentum weighs the new batch, Keras' the moving value: {@code 1 - momentum}. */
    private static void batchNorm(List<String> body, BatchNormalizationSpec bn, Shape in) {
        String momentum = BigDecimal.ONE.subtract(BigDecimal.valueOf(bn.momentum())).stripTrailingZeros().toPlainString();
        body.add("nn.BatchNorm" + (in.isSpatial() ? "2d" : "1d") + "(" + in.channels() + ", eps="
                + PythonText.number(bn.epsilon()) + ", momentum=" + momentum + "),");
    }

    private static void activation(List<String> body, Activation activation, boolean omitSoftmax) {
        switch (activation) {
            case LINEAR -> { }
            case RELU -> body.add("nn.ReLU(),");
            case SIGMOID -> body.add("nn.Sigmoid(),");
            case TANH -> body.add("nn.Tanh(),");
            case SOFTMAX -> body.add(omitSoftmax
                    ? "# softmax left out: nn.CrossEntropyLoss applies it to these logits itself"
                    : "nn.Softmax(dim=1),  # Keras' softmax runs over channels, dim 1 here");
        }
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
}
