package cnnplayground.spec;

/**
 * Keras {@code Dense}: every input unit connected to each of {@code units} outputs.
 * Parameters: {@code in · units} weights plus {@code units} biases (784→512 has 401,920).
 */
public record DenseSpec(int units, Activation activation, boolean useBias) implements LayerSpec {

    public DenseSpec {
        Checks.positive("units", units);
        Checks.notNull("activation", activation);
    }

    public DenseSpec(int units, Activation activation) {
        this(units, activation, true);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.DENSE;
    }

    @Override
    public Shape outputShape(Shape input) throws IncompatibleInputException {
        if (input.isSpatial()) {
            throw new IncompatibleInputException("Dense needs a flat input but gets " + input
                    + "; add Flatten (or GlobalAveragePooling2D) before it", "spec.denseNeedsFlat",
                    java.util.List.of(input.toString()));
        }
        return Shape.flat(units);
    }

    @Override
    public ParamCount paramCount(Shape input) {
        long weights = ParamCount.saturatedProduct(input.channels(), units);
        return ParamCount.trainable(ParamCount.saturatedSum(weights, useBias ? units : 0));
    }

    @Override
    public String label() {
        return "Dense " + units + Checks.activationSuffix(activation);
    }
}
