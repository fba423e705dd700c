package cnnplayground.spec;

/**
 * Keras {@code MaxPooling2D} / {@code AveragePooling2D}: a {@code poolSize} window moved by
 * {@code strides} (Keras' default: the pool size), keeping the channels. Same output-size rule as
 * {@link Conv2dSpec}; no parameters. With {@code same}, max pooling never picks the padding and
 * average pooling averages only real pixels, as Keras does.
 */
public record Pooling2dSpec(PoolMode mode, Size2 poolSize, Size2 strides, Padding padding) implements LayerSpec {

    public Pooling2dSpec {
        Checks.notNull("mode", mode);
        Checks.positivePair("pool_size", poolSize);
        Checks.positivePair("strides", strides);
        Checks.notNull("padding", padding);
    }

    /** The common case: a square window moved by its own size. */
    public static Pooling2dSpec of(PoolMode mode, int size) {
        return new Pooling2dSpec(mode, Size2.square(size), Size2.square(size), Padding.VALID);
    }

    @Override
    public LayerKind kind() {
        return mode == PoolMode.MAX ? LayerKind.MAX_POOLING_2D : LayerKind.AVERAGE_POOLING_2D;
    }

    @Override
    public Shape outputShape(Shape input) throws IncompatibleInputException {
        LayerSpec.requireSpatial(kind(), input);
        return Windows.slide(kind(), input, poolSize, strides, padding, input.channels(), "pool window");
    }

    @Override
    public ParamCount paramCount(Shape input) {
        return ParamCount.NONE;
    }

    @Override
    public String label() {
        return kind().kerasName() + " " + poolSize + (strides.equals(poolSize) ? "" : " /" + strides)
                + (padding == Padding.SAME ? " same" : "");
    }
}
