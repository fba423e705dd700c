package cnnplayground.spec;

/** Keras {@code Activation}: applies a function element by element; shape unchanged, no parameters. */
public record ActivationSpec(Activation activation) implements LayerSpec {

    public ActivationSpec {
        Checks.notNull("activation", activation);
    }

    @Override
    public LayerKind kind() {
        return LayerKind.ACTIVATION;
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
        return "Activation " + activation.kerasName();
    }
}
