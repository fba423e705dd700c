package cnnplayground.spec;

/**
 * Keras {@code BatchNormalization} over the last axis: per channel a trainable scale and shift and a
 * moving mean and variance, so {@code 4·C} parameters of which {@code 2·C} are trainable.
 */
public record BatchNormalizationSpec(double momentum, double epsilon) implements LayerSpec {

    public static final double DEFAULT_MOMENTUM = 0.99;
    public static final double DEFAULT_EPSILON = 0.001;

    public BatchNormalizationSpec {
        Checks.fraction("momentum", momentum);
        Checks.positiveNumber("epsilon", epsilon);
    }

    public BatchNormalizationSpec() {
        this(DEFAULT_MOMENTUM, DEFAULT_EPSILON);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.BATCH_NORMALIZATION;
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public ParamCount paramCount(Shape input) {
        long c = input.channels();
        return new ParamCount(2 * c, 2 * c);
    }

    @Override
    public String label() {
        return "BatchNormalization";
    }
}
