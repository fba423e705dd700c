package cnnplayground.spec;

/**
 * Keras {@code GlobalAveragePooling2D} / {@code GlobalMaxPooling2D}: each channel's whole map becomes
 * one number, {@code H×W×C → C}; no parameters. The layer class activation maps rely on.
 */
public record GlobalPooling2dSpec(PoolMode mode) implements LayerSpec {

    public GlobalPooling2dSpec {
        Checks.notNull("mode", mode);
    }

    @Override
    public LayerKind kind() {
        return mode == PoolMode.MAX ? LayerKind.GLOBAL_MAX_POOLING_2D : LayerKind.GLOBAL_AVERAGE_POOLING_2D;
    }

    @Override
    public Shape outputShape(Shape input) throws IncompatibleInputException {
        LayerSpec.requireSpatial(kind(), input);
        return Shape.flat(input.channels());
    }

    @Override
    public ParamCount paramCount(Shape input) {
        return ParamCount.NONE;
    }

    @Override
    public String label() {
        return kind().kerasName();
    }
}
