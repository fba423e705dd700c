package cnnplayground.spec;

/** Keras {@code Dropout}: while training, zeroes each value with probability {@code rate}; shape unchanged. */
public record DropoutSpec(double rate) implements LayerSpec {

    public DropoutSpec {
        Checks.fraction("rate", rate);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.DROPOUT;
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    public ParamCount paramCount(Shape input) {
        return ParamCount.NONE;
    }

    @Override
    public String label() {
        return "Dropout " + rate;
    }
}
