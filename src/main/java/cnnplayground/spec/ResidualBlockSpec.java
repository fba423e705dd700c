package cnnplayground.spec;

/**
 * A residual block with a shortcut connection, as a few lines of Keras functional code build it:
 * <pre>
 * y = Conv2D(filters, kernel_size, strides=strides, padding="same", activation=activation)(x)
 * y = Conv2D(filters, kernel_size, strides=1, padding="same")(y)            # linear
 * s = x if x.shape[-1] == filters and strides == 1
 *       else Conv2D(filters, 1, strides=strides, padding="same")(x)          # 1×1 projection
 * out = Activation(activation)(Add()([y, s]))
 * </pre>
 * Output: {@code ceil(H / s) × ceil(W / s) × filters} (both convolutions pad {@code same}).
 * Parameters: {@code k_h·k_w·C_in·F + F} and {@code k_h·k_w·F·F + F} for the two convolutions, plus
 * {@code C_in·F + F} when the shortcut needs the projection (channels or size change).
 */
public record ResidualBlockSpec(int filters, Size2 kernelSize, Size2 strides, Activation activation)
        implements LayerSpec {

    public static final int DEFAULT_KERNEL = 3;

    public ResidualBlockSpec {
        Checks.positive("filters", filters);
        Checks.positivePair("kernel_size", kernelSize);
        Checks.positivePair("strides", strides);
        Checks.notNull("activation", activation);
    }

    /** A square kernel and stride. */
    public ResidualBlockSpec(int filters, int kernel, int stride, Activation activation) {
        this(filters, Size2.square(kernel), Size2.square(stride), activation);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.RESIDUAL_BLOCK;
    }

    @Override
    public Shape outputShape(Shape input) throws IncompatibleInputException {
        LayerSpec.requireSpatial(kind(), input);
        Shape out = Windows.slide(kind(), input, kernelSize, strides, Padding.SAME, filters, "kernel");
        Checks.countable(kernelSize, () -> exactParams(input));
        return out;
    }

    /** Whether the shortcut is a 1×1 convolution rather than the input itself, for this input. */
    public boolean needsProjection(Shape input) {
        return input.channels() != filters || !strides.equals(Size2.square(1));
    }

    /** The main path's first convolution: {@code kernel_size}, {@code strides}, {@code same}, the activation. */
    public Conv2dSpec firstConv() {
        return new Conv2dSpec(filters, kernelSize, strides, Padding.SAME, activation, true);
    }

    /** The main path's second convolution: {@code kernel_size}, stride 1, {@code same}, linear. */
    public Conv2dSpec secondConv() {
        return new Conv2dSpec(filters, kernelSize, Size2.square(1), Padding.SAME, Activation.LINEAR, true);
    }

    /** The shortcut's 1×1 projection, used when {@link #needsProjection} says so. */
    public Conv2dSpec projection() {
        return new Conv2dSpec(filters, Size2.square(1), strides, Padding.SAME, Activation.LINEAR, true);
    }

    @Override
    public ParamCount paramCount(Shape input) {
        return ParamCount.trainableExact(() -> exactParams(input));
    }

    /** @throws ArithmeticException when an absurd kernel's count does not fit a long */
    private long exactParams(Shape input) {
        long k = (long) kernelSize.rows() * kernelSize.cols();
        long first = Math.multiplyExact(Math.multiplyExact(k, (long) input.channels()), (long) filters) + filters;
        long second = Math.multiplyExact(Math.multiplyExact(k, (long) filters), (long) filters) + filters;
        long shortcut = needsProjection(input) ? (long) input.channels() * filters + filters : 0;
        return Math.addExact(Math.addExact(first, second), shortcut);
    }

    @Override
    public String label() {
        return "ResidualBlock " + filters + " " + kernelSize + (strides.equals(Size2.square(1)) ? "" : " /" + strides)
                + Checks.activationSuffix(activation);
    }
}
