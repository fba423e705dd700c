package cnnplayground.spec;

/**
 * One layer of a network as a person describes it in Keras terms. Specs hold only their own
 * arguments; shapes and parameter counts follow from the input they are given.
 */
public sealed interface LayerSpec permits Conv2dSpec, Pooling2dSpec, GlobalPooling2dSpec, FlattenSpec,
        DenseSpec, DropoutSpec, BatchNormalizationSpec, ActivationSpec, ResidualBlockSpec {

    LayerKind kind();

    /** Keras' output shape for this input, or why this layer cannot take it. */
    Shape outputShape(Shape input) throws IncompatibleInputException;

    /**
     * Why the app cannot train this layer on an input Keras accepts (Keras' shapes and counts still
     * hold), or empty when it can.
     */
    default java.util.Optional<IncompatibleInputException> trainingProblem(Shape input) {
        return java.util.Optional.empty();
    }

    /** Parameters this layer owns for an input it accepts. */
    ParamCount paramCount(Shape input);

    /** A short human label, e.g. {@code Conv2D 32 3×3 same relu}. */
    String label();

    /** Rejects a flat input for layers that slide a window over height and width. */
    static void requireSpatial(LayerKind kind, Shape input) throws IncompatibleInputException {
        if (!input.isSpatial()) {
            throw new IncompatibleInputException(kind.kerasName() + " needs an H×W×C input but gets "
                    + input.channels() + " flat units; move it before Flatten", "spec.needsSpatial",
                    java.util.List.of(kind.kerasName(), String.valueOf(input.channels())));
        }
    }
}
