package cnnplayground.spec;

/**
 * Keras {@code Flatten}: {@code H×W×C → H·W·C} units, row by row; no parameters. On an input that is
 * already flat Keras changes nothing; the app asks for such a Flatten to be removed
 * ({@link #trainingProblem}).
 */
public record FlattenSpec() implements LayerSpec {

    @Override
    public LayerKind kind() {
        return LayerKind.FLATTEN;
    }

    @Override
    public Shape outputShape(Shape input) throws IncompatibleInputException {
        if (!input.isSpatial()) {
            return input;
        }
        if (input.size() > Integer.MAX_VALUE) {
            throw new IncompatibleInputException("input " + input + " has " + input.size()
                    + " values, more than a flat layer holds (" + Integer.MAX_VALUE
                    + "); use fewer filters or add pooling before Flatten");
        }
        return Shape.flat((int) input.size());
    }

    @Override
    public java.util.Optional<IncompatibleInputException> trainingProblem(Shape input) {
        return input.isSpatial() ? java.util.Optional.empty() : java.util.Optional.of(new IncompatibleInputException(
                "input is already flat (" + input.channels() + " units); remove this Flatten", "spec.alreadyFlat",
                java.util.List.of(String.valueOf(input.channels()))));
    }

    @Override
    public ParamCount paramCount(Shape input) {
        return ParamCount.NONE;
    }

    @Override
    public String label() {
        return "Flatten";
    }
}
