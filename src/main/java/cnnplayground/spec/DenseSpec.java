package cnnplayground.spec;

/**
 * Keras {@code Dense}: every input unit connected to each of {@code units} outputs.
 * Parameters: {@code in · units} weights plus {@code units} biases (784→512 has 401,920).
 * On a feature map Keras applies it along the last axis, the channels: {@code H×W×C → H×W×units}
 * with {@code C · units + units} parameters; the app builds Dense only on a flat input, so such a
 * layer has Keras' shapes but cannot be trained here ({@link #trainingProblem}).
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
    public Shape outputShape(Shape input) {
        return input.isSpatial() ? Shape.image(input.height(), input.width(), units) : Shape.flat(units);
    }

    @Override
    public java.util.Optional<IncompatibleInputException> trainingProblem(Shape input) {
        return input.isSpatial() ? java.util.Optional.of(new IncompatibleInputException("Dense needs a flat input but gets "
                + input + "; add Flatten (or GlobalAveragePooling2D) before it", "spec.denseNeedsFlat",
                java.util.List.of(input.toString()))) : java.util.Optional.empty();
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
