package cnnplayground.spec;

import java.util.Optional;

/**
 * One row of {@code model.summary()}: a layer with its Keras name, the shapes it takes and gives,
 * and its parameters. Shapes are empty from the first layer that cannot take its input onward.
 */
public record LayerSummary(int index, String name, LayerSpec spec, Optional<Shape> inputShape,
                           Optional<Shape> outputShape, ParamCount params) {

    public boolean hasShape() {
        return outputShape.isPresent();
    }
}
