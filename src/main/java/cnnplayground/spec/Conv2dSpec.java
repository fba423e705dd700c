package cnnplayground.spec;

/**
 * Keras {@code Conv2D}: {@code filters} kernels of {@code kernelSize} slid with {@code strides}.
 * Output per axis: {@code valid} → {@code floor((in - k) / s) + 1}; {@code same} → {@code ceil(in / s)}.
 * Parameters: {@code k_h · k_w · C_in · filters} weights plus {@code filters} biases.
 */
public record Conv2dSpec(int filters, Size2 kernelSize, Size2 strides, Padding padding,
                         Activation activation, boolean useBias) implements LayerSpec {

    public Conv2dSpec {
        Checks.positive("filters", filters);
        Checks.positivePair("kernel_size", kernelSize);
        Checks.positivePair("strides", strides);
        Checks.notNull("padding", padding);
        Checks.notNull("activation", activation);
    }

    public Conv2dSpec(int filters, int kernel, Padding padding, Activation activation) {
        this(filters, Size2.square(kernel), Size2.square(1), padding, activation, true);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.CONV_2D;
    }

    @Override
    public Shape outputShape(Shape input) throws IncompatibleInputException {
        LayerSpec.requireSpatial(kind(), input);
        Shape out = Windows.slide(kind(), input, kernelSize, strides, padding, filters, "kernel");
        Checks.countable(kernelSize, () -> exactParams(input));
        return out;
    }

    @Override
    public ParamCount paramCount(Shape input) {
        return ParamCount.trainableExact(() -> exactParams(input));
    }

    /** @throws ArithmeticException when an absurd kernel's count does not fit a long */
    private long exactParams(Shape input) {
        long weights = Math.multiplyExact(Math.multiplyExact((long) kernelSize.rows() * kernelSize.cols(),
                (long) input.channels()), (long) filters);
        return Math.addExact(weights, useBias ? filters : 0);
    }

    @Override
    public String label() {
        return "Conv2D " + filters + " " + kernelSize + (strides.equals(Size2.square(1)) ? "" : " /" + strides)
                + " " + padding.kerasName() + Checks.activationSuffix(activation);
    }
}
